package dev.kconnect.runtime.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The launcher has a worker's JVM write, as it exits, the classes it loaded (a class-data archive,
 * or on Java 25 an AOT record) for later workers to start from. A worker refused at once loads a
 * fraction of them: the launcher keeps only what a worker that came up wrote, which this marks.
 */
public final class WorkerArchive {
    /** The file the JVM writes at exit, as the launcher names it. */
    private static final String PROPERTY = "kconnect.worker.archive";

    private WorkerArchive() {
    }

    /** The worker is up: what its JVM writes at exit is worth keeping ({@code FILE.ran} beside it). */
    public static void workerUp() {
        String archive = System.getProperty(PROPERTY);
        if (archive == null || archive.isEmpty()) {
            return;
        }
        try {
            Files.deleteIfExists(Path.of(archive + ".ran"));
            Files.createFile(Path.of(archive + ".ran"));
        } catch (IOException e) {
            // no mark: the next worker writes its own archive
        }
    }
}

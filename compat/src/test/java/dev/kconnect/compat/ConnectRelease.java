package dev.kconnect.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One Kafka Connect release of the matrix: its version and the worker classpath that
 * {@code workers/connect-MAJOR.MINOR/pom.xml} resolved from Maven Central.
 */
record ConnectRelease(String version, int major, int minor, Path classpathFile) {

    static ConnectRelease of(String version) {
        String[] parts = version.split("\\.");
        int major = Integer.parseInt(parts[0]);
        int minor = Integer.parseInt(parts[1]);
        Path workers = Path.of(System.getProperty("compat.workers", "workers"));
        return new ConnectRelease(version, major, minor,
                workers.resolve("connect-" + major + "." + minor).resolve("target/worker.classpath"));
    }

    boolean atLeast(int wantedMajor, int wantedMinor) {
        return major > wantedMajor || major == wantedMajor && minor >= wantedMinor;
    }

    /** Log4j 1 (reload4j) before 4.0, log4j 2 from 4.0: each needs its own configuration. */
    boolean logsWithLog4j2() {
        return major >= 4;
    }

    String classpath() {
        try {
            return Files.readString(classpathFile).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("no worker classpath for Connect " + version + " at " + classpathFile
                    + "; build with: mvn -Pcompat package", e);
        }
    }

    /** A name for topics, tables and groups: 3.6.2 gives c362. */
    String tag() {
        return "c" + version.replace(".", "");
    }

    @Override
    public String toString() {
        return "Connect " + version;
    }
}

package dev.kconnect.runtime.worker;

import org.apache.logging.log4j.core.config.Configurator;

import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Workers log to the console and to a rolling file, as Kafka's own scripts do. Several workers
 * may share a log directory (the guide's two standalone workers do), so each line names its process.
 */
public final class WorkerLogging {
    private WorkerLogging() {
    }

    /**
     * Switches logging to the worker configuration, writing {@code logDir/fileName} with every line
     * tagged {@code process} and the process id; the console shows events at {@code consoleLevel} or above.
     */
    public static Path start(Path logDir, String fileName, String process, String consoleLevel) {
        Path dir = logDir.toAbsolutePath();
        System.setProperty("kconnect.log.dir", dir.toString());
        System.setProperty("kconnect.log.file", fileName);
        System.setProperty("kconnect.process", process);
        System.setProperty("kconnect.console.level", consoleLevel);
        try {
            Configurator.reconfigure(WorkerLogging.class.getResource("/log4j2-worker.xml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return dir.resolve(fileName);
    }
}

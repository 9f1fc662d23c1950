package dev.kconnect.cli.worker;

import org.apache.logging.log4j.core.config.Configurator;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Workers log to the console and to a rolling {@code connect.log}, as Kafka's own scripts do. */
public final class WorkerLogging {
    private WorkerLogging() {
    }

    /** Switches logging to the worker configuration, writing {@code logDir/connect.log}. */
    public static Path start(Path logDir) {
        return start(logDir, "INFO");
    }

    /** As {@link #start(Path)}, showing on the console only events at {@code consoleLevel} or above. */
    public static Path start(Path logDir, String consoleLevel) {
        Path dir = logDir.toAbsolutePath();
        System.setProperty("kconnect.log.dir", dir.toString());
        System.setProperty("kconnect.console.level", consoleLevel);
        try {
            Configurator.reconfigure(WorkerLogging.class.getResource("/log4j2-worker.xml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return dir.resolve("connect.log");
    }
}

package dev.kconnect.cli.command;

import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.client.model.WorkerVersion;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * REST endpoints that came after Kafka Connect 3.0. A command checks the worker's version
 * before its first change, so that a missing endpoint halfway through never leaves a connector
 * in another state (e.g. STOPPED by an {@code offsets --reset} the worker cannot do).
 */
public enum WorkerFeature {
    STOP("stop", 3, 5),
    READ_OFFSETS("offsets", 3, 5),
    RESET_OFFSETS("offsets --reset", 3, 6),
    SET_OFFSETS("offsets --set", 3, 6),
    CLUSTER_LOGGERS("loggers --cluster", 3, 7),
    CREATE_STATE("create --state", 3, 7),
    APPLY_STATE("apply --state", 3, 7),
    // created STOPPED (3.7), then PATCH …/offsets (3.6), unless the worker takes initial_offsets (KIP-995)
    CREATE_OFFSETS("create --offsets", 3, 7),
    PLUGIN_VERSION("create --plugin-version", 4, 1),
    PLUGIN_VERSIONS("plugins --plugin-version", 4, 1),
    // the source is stopped and its offsets read (3.5); the target creates it STOPPED (3.7) and takes them (3.6)
    MIGRATE_FROM("migrate (from this worker)", 3, 5),
    MIGRATE_TO("migrate (to this worker)", 3, 7);

    private final String command;
    private final int major;
    private final int minor;

    WorkerFeature(String command, int major, int minor) {
        this.command = command;
        this.major = major;
        this.minor = minor;
    }

    /** Refuses with one line (exit 2) when the worker's release lacks this feature. */
    public void require(ConnectClient client, CommandSpec spec) {
        WorkerVersion version = client.workerVersion();
        if (!version.atLeast(major, minor)) {
            throw new ParameterException(spec.commandLine(), "'" + command + "' needs Kafka Connect " + major + "."
                    + minor + "; this worker runs " + version);
        }
    }
}

package dev.kconnect.cli.command.workers;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Options shared by the commands that run a worker in this process. */
public final class WorkerOptions {
    @Option(names = "-D", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "Worker setting that overrides the worker file (repeatable).")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--log-dir", paramLabel = "DIR", defaultValue = "logs",
            description = "Where connect.log is written (default: ${DEFAULT-VALUE}).")
    Path logDir;

    /** Worker settings given with -D, in their order. */
    public Map<String, String> overrides() {
        return overrides;
    }

    public Path logDir() {
        return logDir;
    }
}

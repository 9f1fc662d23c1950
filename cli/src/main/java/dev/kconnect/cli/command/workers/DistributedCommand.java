package dev.kconnect.cli.command.workers;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code connect-distributed.sh} in this JVM, with the Kinetica plugin already available. */
@Command(name = "distributed",
        description = {
            "Run a distributed Connect worker here (connect-distributed), until Ctrl-C.",
            "Workers with the same group.id form a cluster; connectors are then managed over REST",
            "(kconnect create/put/delete ...).",
            ""},
        mixinStandardHelpOptions = true,
        footer = {"",
            "Examples:",
            "  kconnect distributed examples/connect-distributed.properties",
            "  kconnect distributed examples/connect-distributed.properties -D listeners=http://127.0.0.1:8084",
            "  kconnect create --file examples/kinetica-source-connector.json"})
public final class DistributedCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "WORKER", description = "The worker settings file.")
    Path workerFile;

    @Mixin
    WorkerOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return WorkerRuntime.find("distributed").distributed(workerFile, options, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}

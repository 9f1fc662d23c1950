package dev.kconnect.cli.command.workers;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code connect-standalone.sh} in this JVM, with the Kinetica plugin already available. */
@Command(name = "standalone",
        description = {
            "Run a standalone Connect worker here with the given connectors (connect-standalone).",
            "It runs until Ctrl-C.",
            "Files are told apart by content: a file with connector.class is a connector (.properties",
            "or JSON), any other is the worker file. Without a worker file the worker uses local",
            "defaults: bootstrap localhost:9092, JSON converters with schemas, offsets kept per",
            "connector name under ~/.kconnect/standalone, REST on 8083 (a free port if 8083 is taken).",
            ""},
        mixinStandardHelpOptions = true,
        footer = {"",
            "Examples:",
            "  kconnect standalone examples/quickstart-kinetica-sink.properties",
            "  kconnect standalone examples/connect-standalone-sink.properties examples/quickstart-kinetica-sink.properties",
            "  kconnect standalone --worker my-worker.properties -D bootstrap.servers=kafka:9092 sink.properties"})
public final class StandaloneCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Connector files, and at most one worker file.")
    List<Path> files;

    @Option(names = "--worker", paramLabel = "FILE", description = "The worker settings file.")
    Path workerFile;

    @Mixin
    WorkerOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return WorkerRuntime.find("standalone").standalone(files, workerFile, options, spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}

package dev.kconnect.cli.command;

import dev.kconnect.cli.input.BadInputException;
import dev.kconnect.cli.worker.ConfigFile;
import dev.kconnect.cli.worker.OffsetsLock;
import dev.kconnect.cli.worker.WorkerChecks;
import dev.kconnect.cli.worker.WorkerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConfigFile worker = workerFile == null ? null : ConfigFile.read(workerFile);
        List<ConfigFile> connectors = new ArrayList<>();
        for (Path file : files) {
            ConfigFile f = ConfigFile.read(file);
            if (f.isConnector()) {
                connectors.add(f);
            } else if (worker == null) {
                worker = f;
            } else {
                throw new BadInputException("two worker files: " + worker.path() + " and " + f.path()
                        + " (a connector file needs connector.class)");
            }
        }
        if (connectors.isEmpty()) {
            throw new BadInputException("no connector file given (a connector file sets connector.class)");
        }
        WorkerChecks.notMixed(worker, connectors);
        WorkerChecks.uniqueNames(connectors);
        List<String> names = connectors.stream().map(ConfigFile::connectorName).toList();
        WorkerSettings settings = WorkerSettings.build(true, worker == null ? Map.of() : worker.settings(),
                options.overrides, WorkerOptions.bundledPlugins(), WorkerSettings.offsetsFile(names));
        // before the port check: a second worker for the same connectors is told so, not just "port in use"
        OffsetsLock offsets = OffsetsLock.acquire(Path.of(settings.props().get(WorkerSettings.OFFSETS_FILE)), names);
        try {
            WorkerChecks.portsFree(settings);
        } catch (BadInputException e) {
            offsets.close();
            throw e;
        }
        settings.notices().forEach(n -> err.println("notice: " + n));
        try (offsets) {
            return WorkerRun.run(true, settings, connectors, options.logDir, out, err);
        }
    }
}

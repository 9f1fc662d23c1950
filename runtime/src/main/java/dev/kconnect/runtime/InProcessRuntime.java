package dev.kconnect.runtime;

import dev.kconnect.cli.command.workers.SandboxSettings;
import dev.kconnect.cli.command.workers.WorkerOptions;
import dev.kconnect.cli.command.workers.WorkerRuntime;
import dev.kconnect.cli.input.BadInputException;
import dev.kconnect.runtime.sandbox.Login;
import dev.kconnect.runtime.sandbox.SandboxRun;
import dev.kconnect.runtime.worker.ConfigFile;
import dev.kconnect.runtime.worker.OffsetsLock;
import dev.kconnect.runtime.worker.WorkerChecks;
import dev.kconnect.runtime.worker.WorkerRun;
import dev.kconnect.runtime.worker.WorkerSettings;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code connect-standalone.sh}, {@code connect-distributed.sh} and the sandbox in this JVM, with the Kinetica plugin available. */
public final class InProcessRuntime implements WorkerRuntime {

    @Override
    public int standalone(List<Path> files, Path workerFile, WorkerOptions options, PrintWriter out, PrintWriter err) {
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
                options.overrides(), bundledPlugins(), WorkerSettings.offsetsFile(names));
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
            return WorkerRun.run(true, settings, connectors, options.logDir(), out, err);
        }
    }

    @Override
    public int distributed(Path workerFile, WorkerOptions options, PrintWriter out, PrintWriter err) {
        ConfigFile worker = ConfigFile.read(workerFile);
        if (worker.isConnector()) {
            throw new BadInputException(workerFile + " is a connector file (it sets connector.class); "
                    + "start the worker with its worker file, then: kconnect create --file " + workerFile);
        }
        WorkerChecks.notMixed(worker, List.of());
        WorkerSettings settings = WorkerSettings.build(false, worker.settings(), options.overrides(), bundledPlugins(), null);
        WorkerChecks.portsFree(settings);
        settings.notices().forEach(n -> err.println("notice: " + n));
        return WorkerRun.run(false, settings, List.of(), options.logDir(), out, err);
    }

    @Override
    public int sandbox(SandboxSettings s, PrintWriter out, PrintWriter err) {
        Login login = s.kineticaUser() == null ? Login.NONE : new Login(s.kineticaUser(), s.kineticaPassword());
        return new SandboxRun(s.kafkaPort(), s.kineticaPort(), s.controlPort(), s.restPort(), s.dataDir(), s.demo(),
                s.logDir(), login, bundledPlugins(), out, err).call();
    }

    /** The bundled Kinetica plugin directory's parent, as the launcher passes it. */
    private static Path bundledPlugins() {
        String dir = System.getProperty("kconnect.plugins");
        return dir == null || dir.isBlank() ? null : Path.of(dir);
    }
}

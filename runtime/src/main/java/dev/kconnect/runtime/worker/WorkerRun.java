package dev.kconnect.runtime.worker;

import dev.kconnect.cli.error.ExitCode;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The part of {@code standalone} and {@code distributed} after the checks: run until Ctrl-C. */
public final class WorkerRun {
    private WorkerRun() {
    }

    public static int run(boolean standalone, WorkerSettings settings, List<ConfigFile> connectors, Path logDir,
                   PrintWriter out, PrintWriter err) {
        Path log = WorkerLogging.start(logDir, "connect.log", standalone ? "standalone" : "distributed", "INFO");
        WorkerProcess worker;
        try {
            worker = WorkerProcess.start(standalone, settings.props(), out);
        } catch (WorkerStartException e) {
            throw e.detailsIn(log);
        }
        WorkerArchive.workerUp();
        Thread stopper = new Thread(worker::stop, "kconnect-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);
        out.println((standalone ? "Standalone" : "Distributed") + " worker REST API: " + worker.restUrl()
                + "   (log: " + log + ")");
        out.flush();
        try {
            for (ConfigFile c : connectors) {
                worker.addConnector(c.connectorName(), withName(c), err);
            }
            worker.connectorsAdded();
            worker.reportStates(connectors.stream().map(ConfigFile::connectorName).toList());
        } catch (WorkerStartException e) {
            Runtime.getRuntime().removeShutdownHook(stopper);
            worker.stop();
            throw e;
        }
        out.println("Running; Ctrl-C stops the worker and commits offsets.");
        out.flush();
        worker.awaitStop();
        return ExitCode.OK;
    }

    private static Map<String, String> withName(ConfigFile c) {
        Map<String, String> config = new LinkedHashMap<>(c.settings());
        config.put("name", c.connectorName());
        return config;
    }
}

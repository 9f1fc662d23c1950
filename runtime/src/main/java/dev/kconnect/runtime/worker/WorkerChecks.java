package dev.kconnect.runtime.worker;

import dev.kconnect.cli.input.BadInputException;
import dev.kconnect.cli.input.ConnectKeys;
import dev.kconnect.sandbox.Ports;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks made before a worker starts, each failing with one line that says what to change. */
public final class WorkerChecks {
    private WorkerChecks() {
    }

    /** The guide's rule: worker settings and connector settings live in separate files. */
    public static void notMixed(ConfigFile worker, List<ConfigFile> connectors) {
        if (worker != null) {
            Set<String> misplaced = ConnectKeys.connectorOnly(worker.settings());
            if (!misplaced.isEmpty()) {
                throw new BadInputException(worker.path() + ": connector settings in a worker file: "
                        + String.join(", ", misplaced) + "; move them to the connector's file");
            }
        }
        for (ConfigFile connector : connectors) {
            Set<String> misplaced = ConnectKeys.workerOnly(connector.settings());
            if (!misplaced.isEmpty()) {
                throw new BadInputException(connector.path() + ": worker settings in a connector file: "
                        + String.join(", ", misplaced) + "; move them to the worker file (or pass -D key=value)");
            }
        }
    }

    public static void uniqueNames(List<ConfigFile> connectors) {
        Map<String, ConfigFile> seen = new HashMap<>();
        for (ConfigFile c : connectors) {
            ConfigFile other = seen.putIfAbsent(c.connectorName(), c);
            if (other != null) {
                throw new BadInputException("two connectors are named \"" + c.connectorName() + "\": "
                        + other.path() + " and " + c.path() + "; give each a unique name");
            }
        }
    }

    /** A standalone worker per REST port: a taken port is named before Connect fails on it. */
    public static void portsFree(WorkerSettings settings) {
        for (int port : settings.restPorts()) {
            if (!Ports.isFree(port)) {
                throw new BadInputException("REST port " + port + " is already in use (another worker?); "
                        + "give each worker its own port, e.g. rest.port=8090 for the sink and 8089 for the source");
            }
        }
    }
}

package dev.kconnect.cli.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.client.Json;
import dev.kconnect.cli.client.NewerEndpoints;
import dev.kconnect.cli.client.NotFoundException;
import dev.kconnect.cli.client.model.ConnectorStatus;
import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.error.KConnectException;
import dev.kconnect.cli.input.BadInputException;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Moves a connector, with its offsets, to another worker (cluster) or name: what KIP-995 calls a
 * three-call race by hand. The source is stopped first, so that nothing it does after its offsets
 * are read is lost or done twice; the target is created STOPPED (KIP-980), given those offsets,
 * checked to hold exactly them, and only then started. A sink's offsets are its consumer group's
 * (connect-NAME), which Connect's offsets API reads and writes like a source's.
 */
public final class Migration {
    private final ConnectClient from;
    private final ConnectClient to;
    private final String name;
    private final String newName;
    private final Duration timeout;
    private final PrintWriter out;

    public Migration(ConnectClient from, ConnectClient to, String name, String newName, Duration timeout, PrintWriter out) {
        this.from = from;
        this.to = to;
        this.name = name;
        this.newName = newName;
        this.timeout = timeout;
        this.out = out;
    }

    /** Checks what can be checked before anything changes: the connector, a free name and the plugin on the target. */
    public Map<String, String> check() {
        Map<String, String> config = new LinkedHashMap<>(from.config(name).value());
        try {
            to.connector(newName);
            throw new BadInputException("the target already has a connector named '" + newName + "'; pick another with "
                    + "--rename NEW, or delete it there first");
        } catch (NotFoundException e) {
            // the name is free
        }
        String plugin = config.get("connector.class");
        boolean installed = to.plugins(false).value().stream().anyMatch(p -> p.className().equals(plugin)
                || p.className().endsWith("." + plugin));
        if (!installed) {
            throw new BadInputException("the target worker has no plugin " + plugin + "; install it there first "
                    + "(kconnect plugins, on the target)");
        }
        config.put("name", newName);
        return config;
    }

    /** Runs the move; returns the state the connector was in, which the target is left in too. */
    public String run(Map<String, String> config, boolean deleteSource) {
        String state = from.status(name).value().connectorState();
        from.stop(name);
        awaitState(from, name, "STOPPED");
        JsonNode offsets = offsetsOf(from, name);
        say("stopped '" + name + "' and read its offsets: " + offsets.size() + " partition" + (offsets.size() == 1 ? "" : "s"));
        new NewerEndpoints(to).create(newName, config, NewerEndpoints.InitialState.stopped, null);
        awaitState(to, newName, "STOPPED");
        if (!offsets.isEmpty()) {
            to.alterOffsets(newName, Json.MAPPER.createObjectNode().set("offsets", offsets).toString());
        }
        JsonNode written = offsetsOf(to, newName);
        if (!asSet(written).equals(asSet(offsets))) {
            throw new MigrationException("the target holds other offsets than the source's (" + written + " against "
                    + offsets + "); both stay STOPPED: compare them with kconnect offsets, then resume the one to keep");
        }
        say("created '" + newName + "' STOPPED on the target with the same offsets");
        if ("PAUSED".equals(state)) {
            to.pause(newName);
        } else if (!"STOPPED".equals(state)) {
            to.resume(newName);
        }
        say("'" + newName + "' is " + ("STOPPED".equals(state) || "PAUSED".equals(state) ? state : "RUNNING") + " on the target");
        if (deleteSource) {
            from.delete(name);
            say("deleted '" + name + "' from the source");
        } else {
            say("'" + name + "' stays STOPPED on the source; delete it there once the target runs as it should");
        }
        return state;
    }

    private JsonNode offsetsOf(ConnectClient client, String connector) {
        return Json.MAPPER.valueToTree(client.offsets(connector).value().offsets());
    }

    private static Set<JsonNode> asSet(JsonNode array) {
        Set<JsonNode> entries = new HashSet<>();
        array.forEach(entries::add);
        return entries;
    }

    private void awaitState(ConnectClient client, String connector, String state) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Predicate<ConnectorStatus> done = s -> s != null && state.equals(s.connectorState()) && s.tasks().isEmpty();
        while (!done.test(statusOrNull(client, connector))) {
            if (System.nanoTime() > deadline) {
                throw new MigrationException("'" + connector + "' was not " + state + " within " + timeout.toSeconds()
                        + " s; see kconnect status " + connector + " (nothing after this step was done)");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MigrationException("interrupted while waiting for '" + connector + "' to be " + state);
            }
        }
    }

    /** The status, or null while a connector just created has none yet ("No status found"). */
    private static ConnectorStatus statusOrNull(ConnectClient client, String connector) {
        try {
            return client.status(connector).value();
        } catch (NotFoundException e) {
            return null;
        }
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }

    /** A step that did not go as it should: the connectors are left as the message says. */
    public static final class MigrationException extends KConnectException {
        MigrationException(String message) {
            super(message, null);
        }

        @Override
        public int exitCode() {
            return ExitCode.ERROR;
        }
    }
}

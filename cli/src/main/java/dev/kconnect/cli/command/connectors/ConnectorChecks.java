package dev.kconnect.cli.command.connectors;

import dev.kconnect.cli.client.ApiException;
import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.client.model.PluginInfo;
import dev.kconnect.cli.input.BadInputException;
import dev.kconnect.cli.input.Closest;
import dev.kconnect.cli.input.ConnectKeys;
import dev.kconnect.cli.input.ConnectorDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The checks create, put, validate, apply and diff share, so that one mistake in a connector file
 * gets one message and one exit code (2) whichever command meets it.
 */
final class ConnectorChecks {

    /** Connect's wording when connector.class names no installed plugin. */
    private static final String NO_SUCH_CLASS = "Failed to find any class that implements Connector";

    private ConnectorChecks() {
    }

    /** What can be told without the worker: a plugin named, no worker settings (as standalone checks). */
    static void check(ConnectorDefinition definition) {
        String plugin = definition.config().get("connector.class");
        if (plugin == null || plugin.isBlank()) {
            throw new BadInputException(definition.source() + ": no \"connector.class\"; add the plugin's class name "
                    + "(see: kconnect plugins)");
        }
        Set<String> workerKeys = ConnectKeys.workerOnly(definition.config());
        if (!workerKeys.isEmpty()) {
            throw new BadInputException(definition.source() + ": worker settings in a connector file: "
                    + String.join(", ", workerKeys) + "; remove them (they belong in the worker's config)");
        }
    }

    /** Runs {@code call}; the worker's refusal of an unknown connector.class becomes a "did you mean". */
    static <T> T knownPlugin(ConnectClient client, ConnectorDefinition definition, Supplier<T> call) {
        try {
            return call.get();
        } catch (ApiException e) {
            if (e.getMessage() == null || !e.getMessage().contains(NO_SUCH_CLASS)) {
                throw e;
            }
            throw new BadInputException(definition.source() + ": "
                    + unknownPlugin(client, definition.config().get("connector.class")));
        }
    }

    /** connector.class names no plugin of the worker: name the closest it has. */
    static String unknownPlugin(ConnectClient client, String plugin) {
        List<PluginInfo> installed = client.plugins(false).value();
        // Connect takes a plugin by its class name, its simple name, or that without "Connector"
        List<String> names = new ArrayList<>();
        installed.forEach(p -> names.add(p.className()));
        List<String> closest = Closest.to(plugin, names);
        if (closest.isEmpty()) {
            List<String> simple = installed.stream().map(p -> p.className().substring(p.className().lastIndexOf('.') + 1)).toList();
            closest = Closest.to(plugin.substring(plugin.lastIndexOf('.') + 1), simple);
        }
        return "connector.class '" + plugin + "' is not a connector plugin of this worker"
                + (closest.isEmpty() ? "" : "; did you mean " + String.join(" or ", closest) + "?")
                + " (see: kconnect plugins)";
    }
}

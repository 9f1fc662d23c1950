package dev.kconnect.cli.command.connectors;

import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.client.NotFoundException;
import dev.kconnect.cli.client.model.ConfigKeyInfo;
import dev.kconnect.cli.input.BadInputException;
import dev.kconnect.cli.input.ConnectorDefinition;
import dev.kconnect.cli.output.ConfigDiff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Compares connector files with what the worker has: the plan {@code apply} carries out and {@code diff} shows. */
final class Planner {

    /**
     * One connector: its name, the file it came from, and what would change.
     *
     * @param missingPlugin why the worker has no such plugin (it lists those it has); null when it has it
     */
    record Plan(String name, ConnectorDefinition definition, ConfigDiff diff, String missingPlugin) {

        Map<String, String> wanted() {
            return diff.wanted();
        }
    }

    private final ConnectClient client;
    private final Map<String, Set<String>> secretKeysByPlugin = new HashMap<>();
    private final Map<String, String> missingPlugins = new HashMap<>();

    Planner(ConnectClient client) {
        this.client = client;
    }

    /** A plan per definition, in order; two files naming the same connector are refused. */
    List<Plan> plan(List<ConnectorDefinition> definitions) {
        Map<String, String> sources = new HashMap<>();
        for (ConnectorDefinition definition : definitions) {
            String name = definition.requireName();
            ConnectorChecks.check(definition);
            String earlier = sources.putIfAbsent(name, definition.source());
            if (earlier != null) {
                throw new BadInputException(earlier + " and " + definition.source() + " both define connector '"
                        + name + "'; keep one of them");
            }
        }
        Set<String> existing = new HashSet<>(client.connectorNames().value());
        List<Plan> plans = new ArrayList<>();
        for (ConnectorDefinition definition : definitions) {
            String name = definition.requireName();
            Map<String, String> wanted = definition.configNamed(name);
            Map<String, String> live = existing.contains(name) ? client.config(name).value() : null;
            String plugin = wanted.get("connector.class");
            Set<String> secrets = secretKeys(plugin);
            plans.add(new Plan(name, definition, new ConfigDiff(live, wanted, secrets), missingPlugins.get(plugin)));
        }
        return plans;
    }

    /**
     * The plugin's PASSWORD-type keys, from its config definition. An unknown plugin has none (the
     * name heuristic of the output still masks the usual secrets) and is remembered as missing.
     */
    private Set<String> secretKeys(String plugin) {
        return secretKeysByPlugin.computeIfAbsent(plugin, p -> {
            try {
                return client.pluginConfig(p).value().stream()
                        .filter(ConfigKeyInfo::secret)
                        .map(ConfigKeyInfo::name)
                        .collect(Collectors.toUnmodifiableSet());
            } catch (NotFoundException e) {
                missingPlugins.put(p, ConnectorChecks.unknownPlugin(client, p));
                return Set.of();
            }
        });
    }
}

package dev.kconnect.cli.command.connectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kconnect.cli.client.ApiResponse;
import dev.kconnect.cli.client.Json;
import dev.kconnect.cli.client.model.ConnectorEntry;
import dev.kconnect.cli.client.model.ConnectorStatus;
import dev.kconnect.cli.output.ConnectorListView;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code --where KEY=VALUE} (equal) and {@code --where KEY~REGEX} (the expression found in the
 * value), all of them true. Keys: {@code name}, {@code type} (source, sink), {@code state} (the
 * connector's or any of its tasks': {@code state=FAILED} finds a connector with a failed task),
 * else a key of the connector's config. A key the connector lacks matches nothing.
 */
public final class WhereOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--where", paramLabel = "KEY=VALUE|KEY~REGEX",
            description = "Only connectors where KEY equals VALUE, or REGEX is found in KEY's value; repeatable, all must hold. "
                    + "KEY: name, type, state (the connector's or a task's), or a config key.")
    List<String> conditions = new ArrayList<>();

    /** The connectors every condition holds for, in the order given. */
    Map<String, ConnectorEntry> filter(Map<String, ConnectorEntry> connectors) {
        if (conditions.isEmpty() || connectors == null) {
            return connectors;
        }
        Predicate<Map.Entry<String, ConnectorEntry>> all = parse();
        Map<String, ConnectorEntry> kept = new LinkedHashMap<>();
        connectors.entrySet().stream().filter(all).forEach(e -> kept.put(e.getKey(), e.getValue()));
        return kept;
    }

    /** The worker's answer cut to the connectors kept, its JSON as the worker wrote each of them. */
    ApiResponse<Map<String, ConnectorEntry>> filter(ApiResponse<Map<String, ConnectorEntry>> response) {
        if (conditions.isEmpty() || response.value() == null) {
            return response;
        }
        Map<String, ConnectorEntry> kept = filter(response.value());
        try {
            JsonNode whole = Json.MAPPER.readTree(response.body());
            ObjectNode body = Json.MAPPER.createObjectNode();
            kept.keySet().forEach(name -> body.set(name, whole.get(name)));
            return new ApiResponse<>(response.status(), body.toString(), kept);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the worker's answer is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private Predicate<Map.Entry<String, ConnectorEntry>> parse() {
        Predicate<Map.Entry<String, ConnectorEntry>> all = e -> true;
        for (String condition : conditions) {
            int equals = condition.indexOf('=');
            int tilde = condition.indexOf('~');
            int at = equals < 0 ? tilde : tilde < 0 ? equals : Math.min(equals, tilde);
            if (at <= 0) {
                throw new ParameterException(mixee.commandLine(), "--where '" + condition + "' needs KEY=VALUE or "
                        + "KEY~REGEX, e.g. --where state=FAILED or --where 'connector.class~Kinetica'");
            }
            String key = condition.substring(0, at).strip();
            String wanted = condition.substring(at + 1);
            Predicate<String> test;
            if (at == equals) {
                test = wanted::equals;
            } else {
                try {
                    Pattern regex = Pattern.compile(wanted);
                    test = value -> regex.matcher(value).find();
                } catch (PatternSyntaxException e) {
                    throw new ParameterException(mixee.commandLine(), "--where '" + condition + "': '" + wanted
                            + "' is not a regular expression (" + e.getDescription() + "); escape special characters with \\");
                }
            }
            Predicate<String> valueTest = test;
            all = all.and(e -> values(key, e.getKey(), e.getValue()).stream().filter(Objects::nonNull).anyMatch(valueTest));
        }
        return all;
    }

    /** What {@code key} stands for in one connector: several values for state (the connector's and its tasks'). */
    private static List<String> values(String key, String name, ConnectorEntry entry) {
        ConnectorStatus status = entry.status();
        switch (key) {
            case "name":
                return List.of(name);
            case "type":
                return Collections.singletonList(ConnectorListView.type(entry));
            case "state":
                List<String> states = new ArrayList<>();
                if (status != null) {
                    states.add(status.connectorState());
                    status.tasks().forEach(t -> states.add(t.state()));
                }
                return states;
            default:
                return Collections.singletonList(entry.info() == null ? null : entry.info().config().get(key));
        }
    }
}

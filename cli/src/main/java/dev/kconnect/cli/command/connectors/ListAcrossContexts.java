package dev.kconnect.cli.command.connectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kconnect.cli.client.ApiResponse;
import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.client.Json;
import dev.kconnect.cli.client.model.ConnectorEntry;
import dev.kconnect.cli.command.AllContexts;
import dev.kconnect.cli.command.ConnectionOptions;
import dev.kconnect.cli.output.ContextConnectorsView;
import dev.kconnect.cli.output.Printer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code kconnect list --all-contexts}: every context's connectors (one request each), filtered by
 * {@code --where}, in one table with a CONTEXT column; {@code -o json|yaml} a list of the worker's
 * entries, each with its context and name; {@code -o name} CONTEXT/NAME lines.
 */
final class ListAcrossContexts {

    private ListAcrossContexts() {
    }

    /** Prints what answered; returns the exit code (see {@link AllContexts#report}). */
    static int run(AllContexts contexts, ConnectionOptions connection, WhereOptions where, Printer printer) {
        List<AllContexts.Answer<ApiResponse<Map<String, ConnectorEntry>>>> answers =
                contexts.ask(connection, ConnectClient::connectors);
        Map<String, ApiResponse<Map<String, ConnectorEntry>>> byContext = new LinkedHashMap<>();
        answers.stream().filter(AllContexts.Answer::answered)
                .forEach(a -> byContext.put(a.context(), where.filter(a.value())));
        switch (printer.format()) {
            case table -> {
                Map<String, Map<String, ConnectorEntry>> values = new LinkedHashMap<>();
                byContext.forEach((context, response) -> values.put(context,
                        response.value() == null ? Map.of() : response.value()));
                ContextConnectorsView.table(values, printer);
            }
            case name -> byContext.forEach((context, response) -> new TreeMap<>(orEmpty(response.value())).keySet()
                    .forEach(name -> printer.out().println(context + "/" + name)));
            case json, yaml -> printer.printValue(entries(byContext));
        }
        printer.out().flush();
        return contexts.report(answers);
    }

    /** [{"context": …, "name": …, "info": …, "status": …}], info and status as each worker wrote them. */
    private static ArrayNode entries(Map<String, ApiResponse<Map<String, ConnectorEntry>>> byContext) {
        ArrayNode entries = Json.MAPPER.createArrayNode();
        byContext.forEach((context, response) -> {
            if (!response.hasBody()) {
                return;
            }
            try {
                JsonNode tree = Json.MAPPER.readTree(response.body());
                new TreeMap<>(orEmpty(response.value())).keySet().forEach(name -> {
                    ObjectNode entry = entries.addObject().put("context", context).put("name", name);
                    tree.path(name).fields().forEachRemaining(field -> entry.set(field.getKey(), field.getValue()));
                });
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("context '" + context + "': the worker's answer is not JSON: "
                        + e.getOriginalMessage(), e);
            }
        });
        return entries;
    }

    private static Map<String, ConnectorEntry> orEmpty(Map<String, ConnectorEntry> connectors) {
        return connectors == null ? Map.of() : connectors;
    }
}

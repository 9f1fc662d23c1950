package dev.kconnect.cli.command.connectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kconnect.cli.client.ApiResponse;
import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.client.Json;
import dev.kconnect.cli.client.WorkerProbe;
import dev.kconnect.cli.client.model.ConnectorEntry;
import dev.kconnect.cli.command.AllContexts;
import dev.kconnect.cli.command.ApiCommand;
import dev.kconnect.cli.command.BootstrapOptions;
import dev.kconnect.cli.lag.LagReader;
import dev.kconnect.cli.lag.SinkLag;
import dev.kconnect.cli.output.ConnectorListView;
import dev.kconnect.cli.output.Format;
import dev.kconnect.cli.output.Printer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the connectors with their type, state and their tasks' states (one request).",
            "Given the Kafka cluster (--bootstrap-server), a LAG column shows how many records each sink is behind.",
            "--all-contexts: every context at its own URL, one table with a CONTEXT column (no LAG); -o json a list of",
            "{context, name, info, status}, -o name CONTEXT/NAME lines. Exit code: the highest of the contexts'."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  kconnect list --url http://127.0.0.1:8083",
            "      same as: curl -H \"Accept: application/json\" http://127.0.0.1:8083/connectors",
            "  kconnect list -o name           names only, one a line",
            "  kconnect list --bootstrap-server localhost:9092",
            "  kconnect list -o json | jq 'map_values(.status.connector.state)'",
            "  kconnect list --where state=FAILED --where 'connector.class~Kinetica'",
            "      connectors of a Kinetica class with the connector or a task FAILED",
            "  kconnect list --all-contexts --where 'connector.class~Kinetica'",
            "      every context's Kinetica connectors in one table with a CONTEXT column; a context that does",
            "      not answer is one line on stderr, and the exit code is the highest of the contexts' (4: one is down)"
        })
public final class ListCommand extends ApiCommand {

    @Mixin
    BootstrapOptions kafka;

    @Mixin
    WhereOptions where;

    @Mixin
    AllContexts contexts;

    @Override
    protected Integer acrossContexts() {
        if (!contexts.all) {
            return null;
        }
        if (kafka.bootstrapServers != null) {
            throw new ParameterException(spec.commandLine(), "--all-contexts shows no lag: drop --bootstrap-server, "
                    + "or ask one context with --context NAME --bootstrap-server HOST:PORT");
        }
        return ListAcrossContexts.run(contexts, connection, where, output.printer());
    }

    @Override
    protected void run(ConnectClient client, Printer printer) {
        ApiResponse<Map<String, ConnectorEntry>> response = where.filter(client.connectors());
        if (printer.format() == Format.table) {
            response = withGoneWorkers(client, response);
        }
        String bootstrap = kafka.resolve(connection);
        if (bootstrap == null) {
            printer.print(response, new ConnectorListView());
            return;
        }
        Map<String, SinkLag> lags;
        try (LagReader reader = LagReader.connect(bootstrap, Duration.ofSeconds(connection.requestTimeout))) {
            Map<String, List<String>> topics = new LinkedHashMap<>();
            ConnectorListView.sinks(response.value()).forEach((name, config) -> topics.put(name, LagReader.topics(config)));
            lags = reader.sinks(topics);
        }
        if (printer.format() == Format.json || printer.format() == Format.yaml) {
            printer.printValue(withLag(response, lags));
        } else {
            printer.print(response, new ConnectorListView(lags));
        }
    }

    /** For people: what ran on a worker that no longer answers shows GONE, not the RUNNING Connect still reports. */
    private ApiResponse<Map<String, ConnectorEntry>> withGoneWorkers(ConnectClient client,
                                                                    ApiResponse<Map<String, ConnectorEntry>> response) {
        List<String> ids = new ArrayList<>();
        response.value().values().forEach(e -> {
            if (e.status() != null) {
                ids.addAll(WorkerProbe.workerIds(e.status()));
            }
        });
        Set<String> gone = WorkerProbe.gone(client, ids);
        if (gone.isEmpty()) {
            return response;
        }
        output.notice(WorkerProbe.explain(gone));
        Map<String, ConnectorEntry> marked = new LinkedHashMap<>();
        response.value().forEach((name, e) -> marked.put(name, e.status() == null ? e
                : new ConnectorEntry(e.info(), WorkerProbe.marked(e.status(), gone))));
        return new ApiResponse<>(response.status(), response.body(), marked);
    }

    /** The worker's answer with each sink's lag beside its status and info. */
    private static ObjectNode withLag(ApiResponse<Map<String, ConnectorEntry>> response, Map<String, SinkLag> lags) {
        try {
            ObjectNode tree = (ObjectNode) Json.MAPPER.readTree(response.body());
            lags.forEach((name, lag) -> ((ObjectNode) tree.get(name)).set("lag", Json.MAPPER.valueToTree(lag)));
            return tree;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the worker's answer is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}

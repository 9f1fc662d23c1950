package dev.kconnect.cli.command.connectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kconnect.cli.client.ApiException;
import dev.kconnect.cli.client.ApiResponse;
import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.client.Json;
import dev.kconnect.cli.client.NotFoundException;
import dev.kconnect.cli.client.WorkerProbe;
import dev.kconnect.cli.client.model.ActiveTopics;
import dev.kconnect.cli.client.model.ConnectorOffsets;
import dev.kconnect.cli.client.model.ConnectorStatus;
import dev.kconnect.cli.command.ApiCommand;
import dev.kconnect.cli.command.BootstrapOptions;
import dev.kconnect.cli.command.FailedStateException;
import dev.kconnect.cli.lag.Health;
import dev.kconnect.cli.lag.LagReader;
import dev.kconnect.cli.lag.Sampler;
import dev.kconnect.cli.output.Format;
import dev.kconnect.cli.output.Printer;
import dev.kconnect.cli.output.StatusView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.List;
import java.util.Set;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show the state of a connector and its tasks, the workers they run on, "
                + "and the trace of whatever failed.",
            "Given the Kafka cluster (--bootstrap-server), also how far a sink is behind (consumer lag of its group "
                + "connect-NAME: total, per task and per partition) and how fast it writes (records/s, from two samples "
                + "of its committed offsets --rate-over seconds apart); for a source, where it has read each table to "
                + "and how fast the topics it writes to grow (records/s, from two samples of their end offsets: "
                + "other producers of those topics count too). The source's topics are the ones Connect tracks "
                + "(GET /connectors/NAME/topics); a worker with topic.tracking.enable=false tracks none, so its "
                + "sources' rate is unknown.",
            "Exits with 5 when the connector or one of its tasks is FAILED, so a deploy script can stop there."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  kconnect status kinetica-source-connector",
            "      same as: curl http://127.0.0.1:8083/connectors/kinetica-source-connector/status",
            "  kconnect status kinetica-sink-connector --bootstrap-server localhost:9092",
            "  kconnect status kinetica-sink-connector -o name || echo \"the sink failed\""
        })
public final class StatusCommand extends ApiCommand {

    @Parameters(paramLabel = "NAME", description = "Connector name.")
    String name;

    @Mixin
    BootstrapOptions kafka;

    @Option(names = "--rate-over", paramLabel = "SECONDS", defaultValue = "5",
            description = "With a bootstrap: seconds between the two samples of a sink's committed offsets (a source's "
                    + "topics' end offsets) that give its rate; 0: no rate (default: ${DEFAULT-VALUE}). Connect "
                    + "commits a sink's offsets at each offset flush (offset.flush.interval.ms), so shorter windows "
                    + "show bursts.")
    int rateOver;

    @Override
    protected void run(ConnectClient client, Printer printer) {
        if (rateOver < 0) {
            throw new ParameterException(spec.commandLine(), "--rate-over must be 0 or more seconds, not " + rateOver);
        }
        ApiResponse<ConnectorStatus> response = client.status(name);
        if (printer.format() == Format.table) {
            response = withGoneWorkers(client, response);
        }
        String bootstrap = kafka.resolve(connection);
        if (bootstrap == null || printer.format() == Format.name) {
            printer.print(response, new StatusView(null, BootstrapOptions.HOW));
        } else {
            Health health = health(client, response.value(), bootstrap);
            if (printer.format() == Format.json || printer.format() == Format.yaml) {
                printer.printValue(withHealth(response, health));
            } else {
                printer.print(response, new StatusView(health, null));
            }
        }
        FailedStateException.failIfFailed(response.value());
    }

    /** For people: what ran on a worker that no longer answers shows GONE, not the RUNNING Connect still reports. */
    private ApiResponse<ConnectorStatus> withGoneWorkers(ConnectClient client, ApiResponse<ConnectorStatus> response) {
        Set<String> gone = WorkerProbe.gone(client, WorkerProbe.workerIds(response.value()));
        if (gone.isEmpty()) {
            return response;
        }
        output.notice(WorkerProbe.explain(gone));
        return new ApiResponse<>(response.status(), response.body(), WorkerProbe.marked(response.value(), gone));
    }

    private Health health(ConnectClient client, ConnectorStatus status, String bootstrap) {
        Duration timeout = Duration.ofSeconds(connection.requestTimeout);
        if ("source".equals(status.type())) {
            return sourceHealth(client, bootstrap, timeout);
        }
        try (LagReader reader = LagReader.connect(bootstrap, timeout)) {
            List<String> topics = LagReader.topics(client.config(name).value());
            return Sampler.sink(reader, name, topics, Duration.ofSeconds(rateOver));
        }
    }

    /** A source's position per table and the rate of its topics, or why that rate is unknown. */
    private Health sourceHealth(ConnectClient client, String bootstrap, Duration timeout) {
        List<ConnectorOffsets.PartitionOffset> position;
        try {
            position = client.offsets(name).value().offsets();
        } catch (NotFoundException e) {
            position = null; // a worker before Kafka 3.5 keeps source offsets to itself
        }
        List<String> topics;
        try {
            ActiveTopics active = client.activeTopics(name).value().get(name);
            topics = active == null ? List.of() : active.topics();
        } catch (ApiException e) {
            if (e.status() != 403 || !String.valueOf(e.getMessage()).contains("Topic tracking is disabled")) {
                throw e;
            }
            return new Health(null, null, position, "this worker does not track the topics connectors write to "
                    + "(topic.tracking.enable=false)");
        }
        if (topics.isEmpty()) {
            return new Health(null, null, position, "it has written to no topic yet (GET /connectors/" + name + "/topics)");
        }
        if (rateOver == 0) {
            return new Health(null, null, position, null);
        }
        try (LagReader reader = LagReader.connect(bootstrap, timeout)) {
            return new Health(null, Sampler.source(reader, topics, Duration.ofSeconds(rateOver)), position, null);
        }
    }

    /** The worker's answer with the health fields beside its own. */
    private static ObjectNode withHealth(ApiResponse<ConnectorStatus> response, Health health) {
        try {
            ObjectNode tree = (ObjectNode) Json.MAPPER.readTree(response.body());
            if (health != null) {
                tree.setAll((ObjectNode) Json.MAPPER.valueToTree(health));
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the worker's answer is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}

package dev.kconnect.cli.command.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kconnect.cli.client.ApiResponse;
import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.client.NewerEndpoints;
import dev.kconnect.cli.client.model.ConnectorInfo;
import dev.kconnect.cli.command.ApiCommand;
import dev.kconnect.cli.command.WaitOptions;
import dev.kconnect.cli.command.WorkerFeature;
import dev.kconnect.cli.create.CreateWithOffsets;
import dev.kconnect.cli.create.OffsetsFile;
import dev.kconnect.cli.input.ConnectorDefinition;
import dev.kconnect.cli.input.ConnectorFiles;
import dev.kconnect.cli.output.Format;
import dev.kconnect.cli.output.Printer;
import dev.kconnect.cli.output.View;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Create a connector from a file.",
            "The file is the REST body {\"name\": …, \"config\": {…}}, a flat JSON config, "
                + "or a connector .properties file; it must name the connector."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  kconnect create --file kinetica-source.json",
            "      kinetica-source.json holds the seed's connector JSON:",
            "      {\"name\":\"kinetica-source-connector\", \"config\": {\"name\":\"kinetica-source-connector\",",
            "       \"connector.class\":\"com.kinetica.kafka.KineticaSourceConnector\",\"tasks.max\":\"3\",",
            "       \"kinetica.url\":\"http://localhost:9191\",\"kinetica.table_names\":\"KafkaConnectorTest\"}}",
            "      same as: curl -X POST -H \"Content-Type: application/json\" --data @kinetica-source.json \\",
            "               http://127.0.0.1:8083/connectors",
            "  kconnect create --file quickstart-kinetica-sink.properties",
            "  cat kinetica-source.json | kconnect create --file -",
            "  kconnect create --file kinetica-source.json --wait --timeout 120",
            "      returns once the connector and its tasks are RUNNING and still RUNNING after --settle (5 s);",
            "      exit 5 and the trace if one fails, 6 when the 120 s run out",
            "  kconnect create --file kinetica-sink.json --state stopped       created STOPPED (Connect 3.7+, KIP-980)",
            "  kconnect create --file kinetica-source.json --offsets offsets.json",
            "      starts from offsets.json ({\"offsets\": […]}, as kconnect offsets NAME -o json writes): created STOPPED,",
            "      offsets set (initial_offsets where the worker has KIP-995, else PATCH …/offsets), then resumed (3.7+)",
            "  kconnect create --file kinetica-sink.json --plugin-version 7.2.0   sets connector.plugin.version (4.1+, KIP-891)"
        })
public final class CreateCommand extends ApiCommand {

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE",
            description = "Connector JSON or .properties file; - reads standard input.")
    String file;

    @Option(names = "--state", paramLabel = "STATE",
            description = "Create it ${COMPLETION-CANDIDATES} (Connect 3.7+; default: running).")
    NewerEndpoints.InitialState state;

    @Option(names = "--offsets", paramLabel = "FILE",
            description = "Start from these offsets: {\"offsets\": […]}, as 'kconnect offsets NAME -o json' prints (3.7+).")
    String offsets;

    @Option(names = "--plugin-version", paramLabel = "VERSION",
            description = "Run this version of the plugin (connector.plugin.version; Connect 4.1+; see: kconnect plugins).")
    String pluginVersion;

    @Mixin
    WaitOptions waiting;

    @Mixin
    SecretsCheck secrets;

    @Override
    protected void run(ConnectClient client, Printer printer) {
        waiting.bound(client);
        ConnectorDefinition definition = ConnectorFiles.read(file, System.in);
        String name = definition.requireName();
        ConnectorChecks.check(definition);
        if (waiting.wait && state != null && state != NewerEndpoints.InitialState.running) {
            throw new ParameterException(spec.commandLine(), "--wait waits for RUNNING; leave it out with --state " + state.name());
        }
        Map<String, String> config = new LinkedHashMap<>(definition.config());
        // every release check before the first change: a refused option leaves nothing behind
        if (pluginVersion != null) {
            WorkerFeature.PLUGIN_VERSION.require(client, spec);
            config.put("connector.plugin.version", pluginVersion);
        }
        if (state != null) {
            WorkerFeature.CREATE_STATE.require(client, spec);
        }
        JsonNode initialOffsets = null;
        if (offsets != null) {
            initialOffsets = OffsetsFile.read(offsets);
            WorkerFeature.CREATE_OFFSETS.require(client, spec);
        }
        secrets.beforeChange(client, name, config);
        if (initialOffsets != null) {
            JsonNode body = initialOffsets;
            NewerEndpoints.InitialState wanted = state == null ? NewerEndpoints.InitialState.running : state;
            // lines for people go to stderr under -o json|yaml|name, which then print the worker's answer alone
            PrintWriter steps = printer.format() == Format.table ? printer.out() : spec.commandLine().getErr();
            ApiResponse<ConnectorInfo> created = ConnectorChecks.knownPlugin(client, definition,
                    () -> CreateWithOffsets.create(client, name, config, body, offsets, wanted, steps));
            if (printer.format() != Format.table) {
                printer.print(created, View.message("", name));
            }
        } else if (state != null) {
            printer.print(ConnectorChecks.knownPlugin(client, definition,
                            () -> new NewerEndpoints(client).create(name, config, state, null)),
                    View.message("created connector '" + name + "' " + state.connectState(), name));
        } else {
            printer.print(ConnectorChecks.knownPlugin(client, definition, () -> client.create(name, config)),
                    View.message("created connector '" + name + "'", name));
        }
        secrets.afterChange(client, name, config);
        waiting.awaitRunning(client, name, printer);
    }
}

package dev.kconnect.cli.command.connectors;

import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.command.ApiCommand;
import dev.kconnect.cli.command.WaitOptions;
import dev.kconnect.cli.input.ConnectorDefinition;
import dev.kconnect.cli.input.ConnectorFiles;
import dev.kconnect.cli.output.Printer;
import dev.kconnect.cli.output.View;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
            "      exit 5 and the trace if one fails, 6 when the 120 s run out"
        })
public final class CreateCommand extends ApiCommand {

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE",
            description = "Connector JSON or .properties file; - reads standard input.")
    String file;

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
        secrets.beforeChange(client, name, definition.config());
        printer.print(ConnectorChecks.knownPlugin(client, definition, () -> client.create(name, definition.config())),
                View.message("created connector '" + name + "'", name));
        secrets.afterChange(client, name, definition.config());
        waiting.awaitRunning(client, name, printer);
    }
}

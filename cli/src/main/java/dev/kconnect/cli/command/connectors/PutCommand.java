package dev.kconnect.cli.command.connectors;

import dev.kconnect.cli.client.ApiResponse;
import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.client.model.ConnectorInfo;
import dev.kconnect.cli.command.ApiCommand;
import dev.kconnect.cli.command.WaitOptions;
import dev.kconnect.cli.input.BadInputException;
import dev.kconnect.cli.input.ConnectorDefinition;
import dev.kconnect.cli.input.ConnectorFiles;
import dev.kconnect.cli.output.Printer;
import dev.kconnect.cli.output.View;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "put", mixinStandardHelpOptions = true,
        description = {"Create a connector, or reconfigure it (its tasks restart with the new config).",
            "Only the config is sent, even when the file holds the whole {\"name\": …, \"config\": {…}} object."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  kconnect put kinetica-source-connector --file kinetica-source.json",
            "      same as: curl -X PUT -H \"Content-Type: application/json\" --data '{\"name\":\"kinetica-source-connector\",",
            "        \"connector.class\":\"com.kinetica.kafka.KineticaSourceConnector\",\"tasks.max\":\"10\",",
            "        \"kinetica.url\":\"http://localhost:9191\",",
            "        \"kinetica.table_names\":\"KafkaConnectorTest,KafkaConnectorTest2\"}' \\",
            "        http://127.0.0.1:8083/connectors/kinetica-source-connector/config",
            "  kconnect put kinetica-sink-connector --file quickstart-kinetica-sink.properties"
        })
public final class PutCommand extends ApiCommand {

    @Parameters(paramLabel = "NAME", description = "Connector name.")
    String name;

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
        definition.name().filter(inFile -> !inFile.equals(name)).ifPresent(inFile -> {
            throw new BadInputException(definition.source() + " names connector '" + inFile + "' but the command names '"
                    + name + "'; make them the same (renaming a connector means create and delete)");
        });
        ConnectorChecks.check(definition);
        secrets.beforeChange(client, name, definition.config());
        ApiResponse<ConnectorInfo> response = ConnectorChecks.knownPlugin(client, definition,
                () -> client.putConfig(name, definition.config()));
        String did = response.status() == 201 ? "created" : "updated";
        printer.print(response, View.message(did + " connector '" + name + "'", name));
        secrets.afterChange(client, name, definition.config());
        waiting.awaitRunning(client, name, printer);
    }
}

package dev.kconnect.cli.command.connectors;

import dev.kconnect.cli.client.ApiResponse;
import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.client.model.ConfigInfos;
import dev.kconnect.cli.command.ApiCommand;
import dev.kconnect.cli.input.BadInputException;
import dev.kconnect.cli.input.ConnectorDefinition;
import dev.kconnect.cli.input.ConnectorFiles;
import dev.kconnect.cli.output.Printer;
import dev.kconnect.cli.output.ValidationView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Map;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a connector config with its plugin, without creating anything.",
            "Lists the errors per key and exits with 2 when there are any."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  kconnect validate --file kinetica-source.json",
            "      same as: curl -X PUT -H \"Content-Type: application/json\" --data @config.json \\",
            "               http://127.0.0.1:8083/connector-plugins/KineticaSourceConnector/config/validate",
            "  kconnect validate -f kinetica-sink.properties && kconnect create -f kinetica-sink.properties"
        })
public final class ValidateCommand extends ApiCommand {

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE",
            description = "Connector JSON or .properties file; - reads standard input.")
    String file;

    @Mixin
    SecretsCheck secrets;

    @Override
    protected void run(ConnectClient client, Printer printer) {
        ConnectorDefinition definition = ConnectorFiles.read(file, System.in);
        ConnectorChecks.check(definition);
        String plugin = definition.config().get("connector.class");
        Map<String, String> config = definition.name().map(definition::configNamed).orElse(definition.config());
        ApiResponse<ConfigInfos> response = ConnectorChecks.knownPlugin(client, definition, () -> client.validate(plugin, config));
        printer.print(response, new ValidationView(definition.source()));
        secrets.check(definition.name().orElse(definition.source()), config, SecretsCheck.passwordKeys(response.value()));
        if (response.value() != null && response.value().errorCount() > 0) {
            throw new BadInputException(definition.source() + ": " + response.value().errorCount()
                    + " error(s) in the config, listed above");
        }
    }
}

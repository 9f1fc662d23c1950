package dev.kconnect.cli.command.connectors;

import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.command.ApiCommand;
import dev.kconnect.cli.output.ConnectorView;
import dev.kconnect.cli.output.Printer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Show a connector: its type, its tasks and its config.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  kconnect get kinetica-source-connector",
            "      same as: curl http://127.0.0.1:8083/connectors/kinetica-source-connector",
            "  kconnect get kinetica-source-connector -o json > kinetica-source.json",
            "      a file that 'kconnect create --file' and 'kconnect put' read back"
        })
public final class GetCommand extends ApiCommand {

    @Parameters(paramLabel = "NAME", description = "Connector name.")
    String name;

    @Override
    protected void run(ConnectClient client, Printer printer) {
        printer.print(client.connector(name), new ConnectorView());
    }
}

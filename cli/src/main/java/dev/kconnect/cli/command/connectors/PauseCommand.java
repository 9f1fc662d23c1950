package dev.kconnect.cli.command.connectors;

import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.command.ApiCommand;
import dev.kconnect.cli.output.Printer;
import dev.kconnect.cli.output.View;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "pause", mixinStandardHelpOptions = true,
        description = "Pause a connector and its tasks (they keep their resources; resume continues).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  kconnect pause kinetica-source-connector",
            "      same as: curl -X PUT http://127.0.0.1:8083/connectors/kinetica-source-connector/pause"
        })
public final class PauseCommand extends ApiCommand {

    @Parameters(paramLabel = "NAME", description = "Connector name.")
    String name;

    @Override
    protected void run(ConnectClient client, Printer printer) {
        printer.print(client.pause(name),
                View.message("pausing connector '" + name + "'; see its state with: kconnect status " + name, name));
    }
}

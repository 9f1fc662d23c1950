package dev.kconnect.cli.command.connectors;

import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.command.ApiCommand;
import dev.kconnect.cli.command.WorkerFeature;
import dev.kconnect.cli.output.Printer;
import dev.kconnect.cli.output.View;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "stop", mixinStandardHelpOptions = true,
        description = "Stop a connector: shut its tasks down and free their resources, keeping its config (Kafka 3.5+). Offsets can be changed only while stopped.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  kconnect stop kinetica-source-connector",
            "      same as: curl -X PUT http://127.0.0.1:8083/connectors/kinetica-source-connector/stop"
        })
public final class StopCommand extends ApiCommand {

    @Parameters(paramLabel = "NAME", description = "Connector name.")
    String name;

    @Override
    protected void run(ConnectClient client, Printer printer) {
        WorkerFeature.STOP.require(client, spec);
        printer.print(client.stop(name),
                View.message("stopping connector '" + name + "'; see its state with: kconnect status " + name, name));
    }
}

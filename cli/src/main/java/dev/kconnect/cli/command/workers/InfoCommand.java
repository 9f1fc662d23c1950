package dev.kconnect.cli.command.workers;

import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.command.ApiCommand;
import dev.kconnect.cli.output.InfoView;
import dev.kconnect.cli.output.Printer;
import picocli.CommandLine.Command;

@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show the worker's Kafka version and the Kafka cluster it belongs to.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  kconnect info --url http://127.0.0.1:8083",
            "      same as: curl http://127.0.0.1:8083/"
        })
public final class InfoCommand extends ApiCommand {

    @Override
    protected void run(ConnectClient client, Printer printer) {
        printer.print(client.serverInfo(), new InfoView(client.url().toString()));
    }
}

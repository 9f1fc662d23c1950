package dev.kconnect.cli.command;

import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.output.ConnectorListView;
import dev.kconnect.cli.output.Printer;
import picocli.CommandLine.Command;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the connectors with their type, state and their tasks' states (one request).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  kconnect list --url http://127.0.0.1:8083",
            "      same as: curl -H \"Accept: application/json\" http://127.0.0.1:8083/connectors",
            "  kconnect list -o name           names only, one a line",
            "  kconnect list -o json | jq 'map_values(.status.connector.state)'"
        })
public final class ListCommand extends ApiCommand {

    @Override
    protected void run(ConnectClient client, Printer printer) {
        printer.print(client.connectors(), new ConnectorListView());
    }
}

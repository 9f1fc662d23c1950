package dev.kconnect.cli.command.connectors;

import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.command.AbortedException;
import dev.kconnect.cli.command.ApiCommand;
import dev.kconnect.cli.output.Printer;
import dev.kconnect.cli.output.View;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.Console;
import java.util.Locale;

@Command(name = "delete", mixinStandardHelpOptions = true,
        description = {"Stop a connector's tasks and delete the connector and its config.",
            "Asks first when run at a terminal; --yes skips the question (scripts are never asked)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  kconnect delete kinetica-source-connector",
            "      same as: curl -X DELETE http://127.0.0.1:8083/connectors/kinetica-source-connector",
            "  kconnect delete kinetica-source-connector --yes"
        })
public final class DeleteCommand extends ApiCommand {

    @Parameters(paramLabel = "NAME", description = "Connector name.")
    String name;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    @Override
    protected void run(ConnectClient client, Printer printer) {
        Console console = System.console();
        if (!yes && console != null) {
            String answer = console.readLine("Delete connector '%s'? [y/N] ", name);
            if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).matches("y|yes")) {
                throw new AbortedException("connector '" + name + "' not deleted");
            }
        }
        printer.print(client.delete(name), View.message("deleted connector '" + name + "'", name));
    }
}

package dev.kconnect.cli.command.connectors;

import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.command.ApiCommand;
import dev.kconnect.cli.output.Printer;
import dev.kconnect.cli.output.TasksView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "tasks", mixinStandardHelpOptions = true,
        description = "Show the tasks of a connector and the config each was given.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  kconnect tasks kinetica-source-connector",
            "      same as: curl http://127.0.0.1:8083/connectors/kinetica-source-connector/tasks",
            "  kconnect tasks kinetica-source-connector -o name     task ids (NAME/0, …) for 'kconnect restart'"
        })
public final class TasksCommand extends ApiCommand {

    @Parameters(paramLabel = "NAME", description = "Connector name.")
    String name;

    @Override
    protected void run(ConnectClient client, Printer printer) {
        printer.print(client.tasks(name), new TasksView());
    }
}

package dev.kconnect.cli.command.connectors;

import dev.kconnect.cli.client.ApiResponse;
import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.client.model.ConnectorStatus;
import dev.kconnect.cli.command.ApiCommand;
import dev.kconnect.cli.command.WaitOptions;
import dev.kconnect.cli.output.Printer;
import dev.kconnect.cli.output.StatusView;
import dev.kconnect.cli.output.View;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@Command(name = "restart", mixinStandardHelpOptions = true,
        description = {"Restart a connector (and with --include-tasks its tasks), or one task with NAME/TASK."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  kconnect restart kinetica-source-connector",
            "  kconnect restart kinetica-source-connector --include-tasks --only-failed",
            "      same as: curl -X POST \\",
            "        'http://127.0.0.1:8083/connectors/kinetica-source-connector/restart?includeTasks=true&onlyFailed=true'",
            "  kconnect restart kinetica-source-connector/0",
            "      same as: curl -X POST http://127.0.0.1:8083/connectors/kinetica-source-connector/tasks/0/restart"
        })
public final class RestartCommand extends ApiCommand {

    private static final Pattern TASK = Pattern.compile("(.+)/(\\d+)");

    @Parameters(paramLabel = "NAME[/TASK]", description = "Connector name, or connector name / task number.")
    String target;

    @Option(names = "--include-tasks", description = "Restart the connector's tasks too.")
    boolean includeTasks;

    @Option(names = "--only-failed", description = "Restart only what is FAILED.")
    boolean onlyFailed;

    @Mixin
    WaitOptions waiting;

    @Override
    protected void run(ConnectClient client, Printer printer) {
        waiting.bound(client);
        Matcher task = TASK.matcher(target);
        if (task.matches()) {
            if (includeTasks || onlyFailed) {
                throw new ParameterException(spec.commandLine(),
                        "--include-tasks and --only-failed apply to a connector, not to the task " + target);
            }
            String name = task.group(1);
            int number;
            try {
                number = Integer.parseInt(task.group(2));
            } catch (NumberFormatException e) {
                throw new ParameterException(spec.commandLine(), "no task " + task.group(2) + ": task numbers start at 0 "
                        + "(see: kconnect tasks " + name + ")");
            }
            printer.print(client.restartTask(name, number),
                    View.message("restarting task " + target, target));
            waiting.awaitRunning(client, name, printer);
            return;
        }
        ApiResponse<ConnectorStatus> response = client.restart(target, includeTasks, onlyFailed);
        printer.print(response, View.of((status, p) -> {
            p.out().println("restarting connector '" + target + "'" + (includeTasks ? " and its tasks" : ""));
            if (status != null) {
                p.out().println();
                new StatusView().table(status, p);
            }
        }, status -> List.of(target)));
        waiting.awaitRunning(client, target, printer);
    }
}

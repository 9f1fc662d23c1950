package dev.kconnect.cli.command.workers;

import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.client.WorkerUnreachableException;
import dev.kconnect.cli.client.model.ConnectorEntry;
import dev.kconnect.cli.client.model.ConnectorStatus;
import dev.kconnect.cli.client.model.WorkerHealth;
import dev.kconnect.cli.command.ApiCommand;
import dev.kconnect.cli.command.FailedStateException;
import dev.kconnect.cli.output.Printer;
import picocli.CommandLine.Command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Exit 0 when the worker is up and nothing is FAILED: for cron, probes and CI. */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = {"Check the worker and its connectors: exit 0 when the worker is up and no connector or",
            "task is FAILED, 5 when one is, 4 when the worker does not answer or says it is not healthy",
            "(GET /health, Connect 3.9+). One line per problem, one line when all is well."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  kconnect health --url http://127.0.0.1:8083",
            "  kconnect health --context prod || page-someone",
            "  livenessProbe: exec: command: [kconnect, health, --url, http://localhost:8083]"
        })
public final class HealthCommand extends ApiCommand {

    @Override
    protected void run(ConnectClient client, Printer printer) {
        WorkerHealth health = client.health();
        if (health != null && !health.healthy()) {
            throw new WorkerUnreachableException("the worker at " + client.url() + " is " + health.status()
                    + (health.message() == null ? "" : ": " + health.message()), null);
        }
        Map<String, ConnectorEntry> connectors = client.connectors().value();
        List<String> problems = new ArrayList<>();
        int tasks = 0;
        for (Map.Entry<String, ConnectorEntry> e : connectors == null ? Map.<String, ConnectorEntry>of().entrySet()
                : connectors.entrySet()) {
            ConnectorStatus status = e.getValue().status();
            if (status == null) {
                continue;
            }
            if (status.connector() != null && ConnectorStatus.FAILED.equals(status.connector().state())) {
                problems.add("connector " + e.getKey() + " FAILED on " + status.connector().workerId() + ": "
                        + firstLine(status.connector().trace()));
            }
            for (ConnectorStatus.TaskState task : status.tasks()) {
                tasks++;
                if (ConnectorStatus.FAILED.equals(task.state())) {
                    problems.add("task " + e.getKey() + "/" + task.id() + " FAILED on " + task.workerId() + ": "
                            + firstLine(task.trace()));
                }
            }
        }
        problems.forEach(printer.out()::println);
        printer.out().flush();
        if (!problems.isEmpty()) {
            throw new FailedStateException(problems.size() + " FAILED; see the trace with: kconnect status NAME, "
                    + "then: kconnect restart NAME --include-tasks --only-failed");
        }
        printer.out().println("healthy: " + client.url() + (health == null ? " (no /health before Connect 3.9)" : "")
                + ", " + (connectors == null ? 0 : connectors.size()) + " connectors, " + tasks
                + " tasks, none FAILED");
        printer.out().flush();
    }

    private static String firstLine(String trace) {
        return trace == null || trace.isBlank() ? "(no trace)" : trace.lines().findFirst().orElse("").trim();
    }
}

package dev.kconnect.cli.output;

import dev.kconnect.cli.client.ConnectorStatus;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;

/** {@code kconnect status NAME}: states and workers, then the trace of whatever failed. */
public final class StatusView implements View<ConnectorStatus> {

    @Override
    public void table(ConnectorStatus status, Printer printer) {
        PrintWriter out = printer.out();
        Style style = printer.style();
        ConnectorStatus.State connector = status.connector();
        out.println("Connector:  " + status.name() + (status.type() == null ? "" : " (" + status.type() + ")"));
        out.println("State:      " + style.states(status.connectorState()));
        out.println("Worker:     " + (connector == null || connector.workerId() == null ? "-" : connector.workerId()));
        out.println();
        List<ConnectorStatus.TaskState> tasks = status.tasks().stream()
                .sorted(Comparator.comparingInt(ConnectorStatus.TaskState::id)).toList();
        if (tasks.isEmpty()) {
            out.println("no tasks");
        } else {
            Table table = new Table("TASK", "STATE", "WORKER").states(1);
            tasks.forEach(t -> table.row(t.id(), t.state(), t.workerId()));
            table.print(out, style);
        }
        // only what is FAILED now: a RESTARTING task still carries the trace of its last failure
        if (connector != null && connector.trace() != null && ConnectorStatus.FAILED.equals(connector.state())) {
            trace(out, style, "Connector trace:", connector.trace());
        }
        for (ConnectorStatus.TaskState task : tasks) {
            if (task.trace() != null && ConnectorStatus.FAILED.equals(task.state())) {
                trace(out, style, "Task " + task.id() + " trace:", task.trace());
            }
        }
        out.flush();
    }

    private static void trace(PrintWriter out, Style style, String heading, String trace) {
        out.println();
        out.println(style.bold(heading));
        trace.lines().forEach(line -> out.println("  " + line));
    }

    @Override
    public List<String> names(ConnectorStatus status) {
        return List.of(status.name());
    }
}

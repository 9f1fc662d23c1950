package dev.kconnect.cli.output;

import dev.kconnect.cli.client.model.ConnectorOffsets;
import dev.kconnect.cli.client.model.ConnectorStatus;
import dev.kconnect.cli.lag.Health;
import dev.kconnect.cli.lag.PartitionLag;
import dev.kconnect.cli.lag.SinkLag;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code kconnect status NAME}: states and workers, a sink's lag and rate or a source's position
 * and its topics' rate when known, then the trace of whatever failed.
 */
public final class StatusView implements View<ConnectorStatus> {

    private final Health health;
    private final String noLag;

    /** States only. */
    public StatusView() {
        this(null, null);
    }

    /**
     * @param health what is known of the connector's progress; null when nothing
     * @param noLag  for a sink without {@code health}: how to get its lag, shown in its place; null for none
     */
    public StatusView(Health health, String noLag) {
        this.health = health;
        this.noLag = noLag;
    }

    @Override
    public void table(ConnectorStatus status, Printer printer) {
        PrintWriter out = printer.out();
        Style style = printer.style();
        ConnectorStatus.State connector = status.connector();
        SinkLag lag = health == null ? null : health.lag();
        out.println("Connector:  " + status.name() + (status.type() == null ? "" : " (" + status.type() + ")"));
        out.println("State:      " + style.states(status.connectorState()));
        out.println("Worker:     " + (connector == null || connector.workerId() == null ? "-" : connector.workerId()));
        if (lag != null) {
            out.println("Lag:        " + lag.total() + " records behind (consumer group " + lag.group() + ")");
            if (health.behind() != null) {
                out.println("Behind:     " + health.behind().describe());
            }
        } else if (noLag != null && "sink".equals(status.type())) {
            out.println("Lag:        unknown; " + noLag);
        }
        if (health != null && health.rate() != null) {
            out.println("Rate:       " + health.rate().describe());
        } else if (health != null && health.rateUnknown() != null) {
            out.println("Rate:       unknown; " + health.rateUnknown());
        }
        out.println();
        List<ConnectorStatus.TaskState> tasks = status.tasks().stream()
                .sorted(Comparator.comparingInt(ConnectorStatus.TaskState::id)).toList();
        if (tasks.isEmpty()) {
            out.println("no tasks");
        } else if (lag != null) {
            Map<Integer, Long> byTask = lag.byTask();
            Table table = new Table("TASK", "STATE", "WORKER", "LAG").states(1);
            tasks.forEach(t -> table.row(t.id(), t.state(), t.workerId(), byTask.containsKey(t.id()) ? byTask.get(t.id()) : "-"));
            table.print(out, style);
        } else {
            Table table = new Table("TASK", "STATE", "WORKER").states(1);
            tasks.forEach(t -> table.row(t.id(), t.state(), t.workerId()));
            table.print(out, style);
        }
        if (lag != null && !lag.partitions().isEmpty()) {
            out.println();
            Table table = new Table("TASK", "PARTITION", "COMMITTED", "END", "LAG");
            for (PartitionLag p : lag.partitions()) {
                table.row(p.task() == null ? "-" : p.task(), p.name(), p.committed() == null ? "-" : p.committed(),
                        p.end(), p.lag());
            }
            table.print(out, style);
        }
        if (health != null && health.position() != null) {
            out.println();
            position(out, style, health.position());
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

    /** A source's committed offsets: the partition (a table, for Kinetica) and where it has been read to. */
    private static void position(PrintWriter out, Style style, List<ConnectorOffsets.PartitionOffset> offsets) {
        if (offsets.isEmpty()) {
            out.println("Position:   nothing committed yet");
            return;
        }
        Table table = new Table("PARTITION", "POSITION");
        offsets.forEach(o -> table.row(pairs(o.partition()), pairs(o.offset())));
        table.print(out, style);
    }

    /** {"table": "orders"} as "table=orders"; keys in order. */
    private static String pairs(Map<String, Object> values) {
        return values == null ? "-" : new TreeMap<>(values).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
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

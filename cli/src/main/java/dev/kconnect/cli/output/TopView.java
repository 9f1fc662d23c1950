package dev.kconnect.cli.output;

import dev.kconnect.cli.client.model.ConnectorEntry;
import dev.kconnect.cli.client.model.ConnectorStatus;
import dev.kconnect.cli.lag.Rate;
import dev.kconnect.cli.lag.SinkLag;
import dev.kconnect.cli.lag.TopicEnds;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One frame of {@code kconnect top}: a line per connector and one per task with its state, worker,
 * lag and rate (sinks, when the Kafka cluster is known), and for a source the rate of its topics on
 * its own line (topics have no tasks). FAILED lines stand out in bold red.
 */
public final class TopView {

    /** A sample of every connector: their states, the sinks' lag and the sources' topics' ends when known (null otherwise). */
    public record Frame(Map<String, ConnectorEntry> connectors, Map<String, SinkLag> lags,
                        Map<String, TopicEnds> sources, long nanoTime) {
    }

    private TopView() {
    }

    /** Writes {@code now}; rates come from {@code before} (null on the first frame). */
    public static void print(Frame now, Frame before, PrintWriter out, Style style) {
        if (now.connectors().isEmpty()) {
            out.println("no connectors");
            out.flush();
            return;
        }
        Table table = new Table("CONNECTOR", "TASK", "STATE", "WORKER", "LAG", "RATE");
        new TreeMap<>(now.connectors()).forEach((name, entry) -> rows(name, entry, now, before, table));
        StringWriter plain = new StringWriter();
        table.print(new PrintWriter(plain), Style.PLAIN);
        List<String> lines = plain.toString().lines().toList();
        out.println(style.bold(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            out.println(line.matches("\\S*\\s+\\S+\\s+FAILED\\b.*") ? style.alarm(line) : style.states(line));
        }
        out.flush();
    }

    private static void rows(String name, ConnectorEntry entry, Frame now, Frame before, Table table) {
        ConnectorStatus status = entry.status();
        SinkLag lag = now.lags() == null ? null : now.lags().get(name);
        SinkLag earlier = before == null || before.lags() == null ? null : before.lags().get(name);
        long nanos = before == null ? 0 : now.nanoTime() - before.nanoTime();
        Map<Integer, Long> taskLag = lag == null ? Map.of() : lag.byTask();
        Map<Integer, Double> taskRate = lag == null || earlier == null ? Map.of() : Rate.byTask(earlier, lag, nanos);
        String worker = status == null || status.connector() == null ? null : status.connector().workerId();
        table.row(name, "-", status == null ? "UNKNOWN" : status.connectorState(), dash(worker),
                lag == null ? "-" : lag.total(), rate(name, lag, earlier, now, before, nanos));
        if (status == null) {
            return;
        }
        status.tasks().stream().sorted(Comparator.comparingInt(ConnectorStatus.TaskState::id)).forEach(t -> table.row(
                name, t.id(), t.state(), dash(t.workerId()),
                taskLag.containsKey(t.id()) ? taskLag.get(t.id()) : "-",
                taskRate.containsKey(t.id()) ? perSecond(taskRate.get(t.id())) : "-"));
    }

    /** A sink's rate from its committed offsets, a source's from its topics' ends; "-" on the first frame. */
    private static String rate(String name, SinkLag lag, SinkLag earlier, Frame now, Frame before, long nanos) {
        if (lag != null && earlier != null) {
            return perSecond(Rate.between(earlier, lag, nanos).recordsPerSecond());
        }
        TopicEnds ends = now.sources() == null ? null : now.sources().get(name);
        TopicEnds then = before == null || before.sources() == null ? null : before.sources().get(name);
        return ends == null || then == null ? "-" : perSecond(Rate.between(then, ends, nanos).recordsPerSecond());
    }

    private static String perSecond(double rate) {
        return (rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate)) + "/s";
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }
}

package dev.kconnect.cli.output;

import dev.kconnect.cli.client.model.ConnectorEntry;
import dev.kconnect.cli.client.model.ConnectorStatus;
import dev.kconnect.cli.lag.SinkLag;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** {@code kconnect list}: one row per connector with its tasks' states, and sinks' lag when known. */
public final class ConnectorListView implements View<Map<String, ConnectorEntry>> {

    private final Map<String, SinkLag> lags;

    /** Without a lag column. */
    public ConnectorListView() {
        this(null);
    }

    /** @param lags each sink's lag by name, for a LAG column; null for none */
    public ConnectorListView(Map<String, SinkLag> lags) {
        this.lags = lags;
    }

    /** Sinks' names, in order, with their configs, for the lag to read. */
    public static Map<String, Map<String, String>> sinks(Map<String, ConnectorEntry> connectors) {
        Map<String, Map<String, String>> sinks = new TreeMap<>();
        if (connectors != null) {
            connectors.forEach((name, entry) -> {
                if ("sink".equals(type(entry))) {
                    sinks.put(name, entry.info() == null ? Map.of() : entry.info().config());
                }
            });
        }
        return sinks;
    }

    /** Sources' names, in order. */
    public static List<String> sources(Map<String, ConnectorEntry> connectors) {
        return connectors == null ? List.of() : new TreeMap<>(connectors).entrySet().stream()
                .filter(e -> "source".equals(type(e.getValue()))).map(Map.Entry::getKey).toList();
    }

    /** source or sink; null when the worker did not say. */
    public static String type(ConnectorEntry entry) {
        ConnectorStatus status = entry.status();
        return status != null && status.type() != null ? status.type()
                : entry.info() != null ? entry.info().type() : null;
    }

    @Override
    public void table(Map<String, ConnectorEntry> connectors, Printer printer) {
        if (connectors == null || connectors.isEmpty()) {
            printer.out().println("no connectors");
            return;
        }
        Table table = lags == null ? new Table("NAME", "TYPE", "STATE", "TASKS", "CLASS").states(2, 3)
                : new Table("NAME", "TYPE", "STATE", "TASKS", "LAG", "CLASS").states(2, 3);
        new TreeMap<>(connectors).forEach((name, entry) -> {
            ConnectorStatus status = entry.status();
            String connectorClass = entry.info() == null ? "" : entry.info().config().getOrDefault("connector.class", "");
            String state = status == null ? "UNKNOWN" : status.connectorState();
            String tasks = status == null ? "-" : tasks(status);
            if (lags == null) {
                table.row(name, orDash(type(entry)), state, tasks, connectorClass);
            } else {
                SinkLag lag = lags.get(name);
                table.row(name, orDash(type(entry)), state, tasks, lag == null ? "-" : lag.total(), connectorClass);
            }
        });
        table.print(printer.out(), printer.style());
    }

    /** "0:RUNNING 1:FAILED", in task order. */
    static String tasks(ConnectorStatus status) {
        if (status.tasks().isEmpty()) {
            return "-";
        }
        return status.tasks().stream()
                .sorted(Comparator.comparingInt(ConnectorStatus.TaskState::id))
                .map(t -> t.id() + ":" + t.state())
                .collect(Collectors.joining(" "));
    }

    private static String orDash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }

    @Override
    public List<String> names(Map<String, ConnectorEntry> connectors) {
        return connectors == null ? List.of() : connectors.keySet().stream().sorted().toList();
    }
}

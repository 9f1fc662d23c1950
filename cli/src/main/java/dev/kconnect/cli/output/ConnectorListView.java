package dev.kconnect.cli.output;

import dev.kconnect.cli.client.ConnectorEntry;
import dev.kconnect.cli.client.ConnectorStatus;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** {@code kconnect list}: one row per connector with its tasks' states. */
public final class ConnectorListView implements View<Map<String, ConnectorEntry>> {

    @Override
    public void table(Map<String, ConnectorEntry> connectors, Printer printer) {
        if (connectors == null || connectors.isEmpty()) {
            printer.out().println("no connectors");
            return;
        }
        Table table = new Table("NAME", "TYPE", "STATE", "TASKS", "CLASS").states(2, 3);
        new TreeMap<>(connectors).forEach((name, entry) -> {
            ConnectorStatus status = entry.status();
            String type = status != null && status.type() != null ? status.type()
                    : entry.info() != null ? entry.info().type() : null;
            String connectorClass = entry.info() == null ? "" : entry.info().config().getOrDefault("connector.class", "");
            table.row(name, orDash(type), status == null ? "UNKNOWN" : status.connectorState(),
                    status == null ? "-" : tasks(status), connectorClass);
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

package dev.kconnect.cli.output;

import dev.kconnect.cli.client.model.ConnectorEntry;
import dev.kconnect.cli.client.model.ConnectorStatus;

import java.util.Map;
import java.util.TreeMap;

/** {@code kconnect list --all-contexts}: one table, a row per connector of every context that answered. */
public final class ContextConnectorsView {

    private ContextConnectorsView() {
    }

    /** @param byContext each context's connectors, contexts in the order to show */
    public static void table(Map<String, Map<String, ConnectorEntry>> byContext, Printer printer) {
        Table table = new Table("CONTEXT", "NAME", "TYPE", "STATE", "TASKS", "CLASS").states(3, 4);
        int rows = 0;
        for (Map.Entry<String, Map<String, ConnectorEntry>> context : byContext.entrySet()) {
            for (Map.Entry<String, ConnectorEntry> e : new TreeMap<>(context.getValue()).entrySet()) {
                ConnectorEntry entry = e.getValue();
                ConnectorStatus status = entry.status();
                String type = ConnectorListView.type(entry);
                table.row(context.getKey(), e.getKey(), type == null ? "-" : type,
                        status == null ? "UNKNOWN" : status.connectorState(),
                        status == null ? "-" : ConnectorListView.tasks(status),
                        entry.info() == null ? "" : entry.info().config().getOrDefault("connector.class", ""));
                rows++;
            }
        }
        if (rows == 0) {
            printer.out().println("no connectors");
        } else {
            table.print(printer.out(), printer.style());
        }
        printer.out().flush();
    }
}

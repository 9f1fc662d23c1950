package dev.kconnect.cli.output;

import dev.kconnect.cli.client.model.ConnectorInfo;
import dev.kconnect.cli.client.model.TaskId;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** {@code kconnect get NAME}: name, type, tasks, then the config. */
public final class ConnectorView implements View<ConnectorInfo> {

    @Override
    public void table(ConnectorInfo info, Printer printer) {
        PrintWriter out = printer.out();
        out.println("Name:   " + info.name());
        out.println("Type:   " + (info.type() == null ? "-" : info.type()));
        // a count, then the tasks in the form restart takes: a bare "0" read as no tasks
        out.println("Tasks:  " + info.tasks().size() + (info.tasks().isEmpty() ? ""
                : " (" + info.tasks().stream().map(ConnectorView::taskName).collect(Collectors.joining(", ")) + ")"));
        out.println();
        ConfigView.configTable(info.config()).print(out, printer.style());
    }

    @Override
    public List<String> names(ConnectorInfo info) {
        return List.of(info.name());
    }

    /** "NAME/0", the form {@code kconnect restart} takes. */
    static String taskName(TaskId id) {
        return id.connector() + "/" + id.task();
    }
}

package dev.kconnect.cli.output;

import dev.kconnect.cli.client.model.TaskInfo;

import java.util.List;
import java.util.TreeMap;

/** {@code kconnect tasks NAME}: each task's config as TASK KEY VALUE rows. */
public final class TasksView implements View<List<TaskInfo>> {

    @Override
    public void table(List<TaskInfo> tasks, Printer printer) {
        if (tasks.isEmpty()) {
            printer.out().println("no tasks (yet): the connector has not started any");
            return;
        }
        Table table = new Table("TASK", "KEY", "VALUE");
        for (TaskInfo task : tasks) {
            new TreeMap<>(task.config()).forEach((key, value) ->
                    table.row(task.id().task(), key, Secrets.mask(key, value)));
        }
        table.print(printer.out(), printer.style());
    }

    @Override
    public List<String> names(List<TaskInfo> tasks) {
        return tasks.stream().map(t -> ConnectorView.taskName(t.id())).toList();
    }
}

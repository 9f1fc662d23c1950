package dev.kconnect.cli.command.workers;

import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.client.WorkerUnreachableException;
import dev.kconnect.cli.client.model.ConnectorEntry;
import dev.kconnect.cli.client.model.ConnectorStatus;
import dev.kconnect.cli.client.model.WorkerHealth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code health} finds on one worker: a line per FAILED connector or task, or one line saying all
 * is well. A worker that does not answer, or says through {@code GET /health} (Connect 3.9+) that it is
 * not healthy, is a {@link WorkerUnreachableException} (exit 4).
 *
 * @param problems one line per FAILED connector or task
 * @param healthy  the line for when there are none
 */
record HealthCheck(List<String> problems, String healthy) {

    static HealthCheck of(ConnectClient client) {
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
        String healthy = "healthy: " + client.url() + (health == null ? " (no /health before Connect 3.9)" : "")
                + ", " + (connectors == null ? 0 : connectors.size()) + " connectors, " + tasks + " tasks, none FAILED";
        return new HealthCheck(List.copyOf(problems), healthy);
    }

    private static String firstLine(String trace) {
        return trace == null || trace.isBlank() ? "(no trace)" : trace.lines().findFirst().orElse("").trim();
    }
}

package dev.kconnect.cli.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** {@code GET /connectors/NAME/status}: where the connector and each task run and in what state. */
public record ConnectorStatus(String name, State connector, List<TaskState> tasks, String type) {

    public static final String FAILED = "FAILED";
    public static final String RUNNING = "RUNNING";

    public ConnectorStatus {
        tasks = tasks == null ? List.of() : tasks;
    }

    /** The connector's own state. {@code trace} is set when it failed. */
    public record State(String state, @JsonProperty("worker_id") String workerId, String trace) {
    }

    /** One task's state. {@code trace} is set when it failed. */
    public record TaskState(int id, String state, @JsonProperty("worker_id") String workerId, String trace) {
    }

    /** True when the connector or one of its tasks is FAILED. */
    public boolean anyFailed() {
        return (connector != null && FAILED.equals(connector.state()))
                || tasks.stream().anyMatch(t -> FAILED.equals(t.state()));
    }

    /** The connector's state, or "UNKNOWN" when the worker did not say. */
    public String connectorState() {
        return connector == null || connector.state() == null ? "UNKNOWN" : connector.state();
    }
}

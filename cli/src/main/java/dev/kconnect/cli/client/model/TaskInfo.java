package dev.kconnect.cli.client.model;

import java.util.Map;

/** {@code GET /connectors/NAME/tasks}: one task and the config its connector gave it. */
public record TaskInfo(TaskId id, Map<String, String> config) {

    public TaskInfo {
        config = config == null ? Map.of() : config;
    }
}

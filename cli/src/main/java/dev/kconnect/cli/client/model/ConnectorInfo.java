package dev.kconnect.cli.client.model;

import java.util.List;
import java.util.Map;

/** {@code GET /connectors/NAME}: the connector's config, its tasks and its type (source or sink). */
public record ConnectorInfo(String name, Map<String, String> config, List<TaskId> tasks, String type) {

    public ConnectorInfo {
        config = config == null ? Map.of() : config;
        tasks = tasks == null ? List.of() : tasks;
    }
}

package dev.kconnect.cli.client;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.kconnect.cli.client.model.LoggerLevel;

import java.util.List;
import java.util.Map;

/** The worker's log levels: {@code /admin/loggers} (Kafka 2.4+; the cluster scope 3.7+). */
public final class LoggerEndpoints {
    private final ConnectClient client;

    public LoggerEndpoints(ConnectClient client) {
        this.client = client;
    }

    /** {@code GET /admin/loggers}: the loggers with an explicit level on this worker. */
    public ApiResponse<Map<String, LoggerLevel>> loggers() {
        return client.get(List.of("admin", "loggers"), List.of(), new TypeReference<>() { });
    }

    /** {@code GET /admin/loggers/NAME}. */
    public ApiResponse<LoggerLevel> logger(String name) {
        return client.get(List.of("admin", "loggers", name), List.of(), new TypeReference<>() { });
    }

    /**
     * {@code PUT /admin/loggers/NAME}: on this worker (answers the loggers changed) or, with
     * {@code cluster}, on every worker of the cluster (Kafka 3.7+, answers nothing).
     */
    public ApiResponse<List<String>> setLogger(String name, String level, boolean cluster) {
        String body = Json.MAPPER.createObjectNode().put("level", level).toString();
        return client.call("PUT", List.of("admin", "loggers", name), List.of(Map.entry("scope", cluster ? "cluster" : "worker")),
                body, ConnectClient.type(new TypeReference<List<String>>() { }));
    }
}

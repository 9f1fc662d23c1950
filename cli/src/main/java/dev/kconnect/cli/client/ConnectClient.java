package dev.kconnect.cli.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.Closeable;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Connect REST API, one method per endpoint. Every answer keeps its raw body beside the
 * record read from it. Errors arrive as {@link ClientException}s; a 404 on a connector that
 * does not exist names the connectors that do.
 */
public final class ConnectClient implements Closeable {

    private static final List<Map.Entry<String, String>> NO_QUERY = List.of();

    private final RestTransport transport;

    public ConnectClient(ClientSettings settings) {
        this.transport = new RestTransport(settings);
    }

    public URI url() {
        return transport.baseUrl();
    }

    /** {@code GET /}: version of the worker. */
    public ApiResponse<ServerInfo> serverInfo() {
        return get(List.of(), NO_QUERY, new TypeReference<>() { });
    }

    /** {@code GET /connectors}: names only. */
    public ApiResponse<List<String>> connectorNames() {
        return get(List.of("connectors"), NO_QUERY, new TypeReference<>() { });
    }

    /** {@code GET /connectors?expand=status&expand=info}: every connector, its config and state, in one request. */
    public ApiResponse<Map<String, ConnectorEntry>> connectors() {
        return get(List.of("connectors"), List.of(Map.entry("expand", "status"), Map.entry("expand", "info")),
                new TypeReference<>() { });
    }

    /** {@code GET /connectors/NAME}. */
    public ApiResponse<ConnectorInfo> connector(String name) {
        return onConnector(name, () -> get(List.of("connectors", name), NO_QUERY, new TypeReference<>() { }));
    }

    /** {@code GET /connectors/NAME/config}. */
    public ApiResponse<Map<String, String>> config(String name) {
        return onConnector(name, () -> get(List.of("connectors", name, "config"), NO_QUERY, new TypeReference<>() { }));
    }

    /** {@code GET /connectors/NAME/tasks}. */
    public ApiResponse<List<TaskInfo>> tasks(String name) {
        return onConnector(name, () -> get(List.of("connectors", name, "tasks"), NO_QUERY, new TypeReference<>() { }));
    }

    /** {@code GET /connectors/NAME/status}. */
    public ApiResponse<ConnectorStatus> status(String name) {
        return onConnector(name, () -> get(List.of("connectors", name, "status"), NO_QUERY, new TypeReference<>() { }));
    }

    /** {@code POST /connectors} with {"name": …, "config": {…}}. */
    public ApiResponse<ConnectorInfo> create(String name, Map<String, String> config) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("name", name);
        body.set("config", Json.MAPPER.valueToTree(config));
        return call("POST", List.of("connectors"), NO_QUERY, body.toString(), type(new TypeReference<ConnectorInfo>() { }));
    }

    /** {@code PUT /connectors/NAME/config} with the config only; status 201 means it was created. */
    public ApiResponse<ConnectorInfo> putConfig(String name, Map<String, String> config) {
        return call("PUT", List.of("connectors", name, "config"), NO_QUERY, write(config),
                type(new TypeReference<ConnectorInfo>() { }));
    }

    /** {@code DELETE /connectors/NAME}. */
    public ApiResponse<Void> delete(String name) {
        return onConnector(name, () -> call("DELETE", List.of("connectors", name), NO_QUERY, null, null));
    }

    /** {@code PUT /connectors/NAME/pause}. */
    public ApiResponse<Void> pause(String name) {
        return onConnector(name, () -> call("PUT", List.of("connectors", name, "pause"), NO_QUERY, null, null));
    }

    /** {@code PUT /connectors/NAME/resume}. */
    public ApiResponse<Void> resume(String name) {
        return onConnector(name, () -> call("PUT", List.of("connectors", name, "resume"), NO_QUERY, null, null));
    }

    /** {@code PUT /connectors/NAME/stop} (Kafka 3.5+). */
    public ApiResponse<Void> stop(String name) {
        return onConnector(name, () -> call("PUT", List.of("connectors", name, "stop"), NO_QUERY, null, null));
    }

    /**
     * {@code POST /connectors/NAME/restart}. With neither flag Connect restarts the connector
     * alone and answers 204; otherwise 202 with the states it is restarting.
     */
    public ApiResponse<ConnectorStatus> restart(String name, boolean includeTasks, boolean onlyFailed) {
        List<Map.Entry<String, String>> query = List.of(
                Map.entry("includeTasks", Boolean.toString(includeTasks)),
                Map.entry("onlyFailed", Boolean.toString(onlyFailed)));
        return onConnector(name, () -> call("POST", List.of("connectors", name, "restart"), query, null,
                type(new TypeReference<ConnectorStatus>() { })));
    }

    /** {@code POST /connectors/NAME/tasks/TASK/restart}. */
    public ApiResponse<Void> restartTask(String name, int task) {
        return onConnector(name, () -> call("POST",
                List.of("connectors", name, "tasks", Integer.toString(task), "restart"), NO_QUERY, null, null));
    }

    private <T> ApiResponse<T> get(List<String> path, List<Map.Entry<String, String>> query, TypeReference<T> type) {
        return call("GET", path, query, null, type(type));
    }

    private <T> ApiResponse<T> call(String method, List<String> path, List<Map.Entry<String, String>> query,
                                    String body, JavaType type) {
        RestTransport.Raw raw = transport.send(method, path, query, body);
        T value = null;
        if (type != null && !raw.body().isBlank()) {
            try {
                value = Json.MAPPER.readValue(raw.body(), type);
            } catch (JsonProcessingException e) {
                throw new ApiException(raw.status(), "the worker at " + url() + " sent an answer that is not "
                        + "Connect's JSON (" + e.getOriginalMessage() + "); check that --url names a Connect REST listener");
            }
        }
        return new ApiResponse<>(raw.status(), raw.body(), value);
    }

    /** A 404 on a connector's path: say so plainly and list the connectors there are, if it is missing. */
    private <T> T onConnector(String name, Supplier<T> call) {
        try {
            return call.get();
        } catch (NotFoundException e) {
            List<String> known = connectorNames().value();
            if (known != null && known.contains(name)) {
                throw e; // the connector exists: the 404 is about something else (a task, say)
            }
            throw new ConnectorNotFoundException(name, known == null ? List.of() : known);
        }
    }

    private static JavaType type(TypeReference<?> type) {
        return Json.MAPPER.getTypeFactory().constructType(type);
    }

    private static String write(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        transport.close();
    }
}

package dev.kconnect.cli.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kconnect.cli.client.model.ActiveTopics;
import dev.kconnect.cli.client.model.ConfigInfos;
import dev.kconnect.cli.client.model.ConfigKeyInfo;
import dev.kconnect.cli.client.model.ConnectorEntry;
import dev.kconnect.cli.client.model.ConnectorInfo;
import dev.kconnect.cli.client.model.ConnectorOffsets;
import dev.kconnect.cli.client.model.ConnectorStatus;
import dev.kconnect.cli.client.model.Message;
import dev.kconnect.cli.client.model.PluginInfo;
import dev.kconnect.cli.client.model.ServerInfo;
import dev.kconnect.cli.client.model.TaskInfo;
import dev.kconnect.cli.client.model.WorkerHealth;
import dev.kconnect.cli.client.model.WorkerVersion;

import java.io.Closeable;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The Connect REST API, one method per endpoint. Every answer keeps its raw body beside the
 * record read from it. Errors arrive as {@link ClientException}s; a 404 on a connector that
 * does not exist names the connectors that do.
 */
public final class ConnectClient implements Closeable {

    private static final List<Map.Entry<String, String>> NO_QUERY = List.of();
    private static final String OFFSETS_API = "offsets API: it came with Kafka 3.6";

    final RestTransport transport; // WorkerProbe asks other workers with its settings
    private WorkerVersion workerVersion;

    public ConnectClient(ClientSettings settings) {
        this.transport = new RestTransport(settings);
    }

    /**
     * Every later request must be answered by {@code nanoTime} (System.nanoTime()), else it fails with
     * {@link RequestTimedOutException}; {@code name} tells people what set the limit, e.g. "--timeout 5 s".
     */
    public void deadline(long nanoTime, String name) {
        transport.deadline(nanoTime, name);
    }

    public URI url() {
        return transport.baseUrl();
    }

    /** {@code GET /}: version of the worker. */
    public ApiResponse<ServerInfo> serverInfo() {
        return get(List.of(), NO_QUERY, new TypeReference<>() { });
    }

    /** The worker's Connect release, asked once ({@code GET /}). */
    public WorkerVersion workerVersion() {
        if (workerVersion == null) {
            ServerInfo info = serverInfo().value();
            workerVersion = WorkerVersion.parse(info == null ? null : info.version());
        }
        return workerVersion;
    }

    /**
     * {@code GET /health} (Connect 3.9+, KIP-1017); null from a worker without it. A worker that
     * answers 500 or 503 is starting or unhealthy: its answer says which.
     */
    public WorkerHealth health() {
        try {
            return get(List.of("health"), NO_QUERY, new TypeReference<WorkerHealth>() { }).value();
        } catch (NotFoundException e) {
            return null;
        } catch (ApiException e) {
            if (e.status() == 500 || e.status() == 503) {
                return new WorkerHealth("unhealthy", e.getMessage());
            }
            throw e;
        }
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
        return onConnector(name, "stop API: it came with Kafka 3.5",
                () -> call("PUT", List.of("connectors", name, "stop"), NO_QUERY, null, null));
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

    /** {@code GET /connectors/NAME/offsets} (Kafka 3.5+). */
    public ApiResponse<ConnectorOffsets> offsets(String name) {
        return onConnector(name, "offsets API: it came with Kafka 3.5",
                () -> get(List.of("connectors", name, "offsets"), NO_QUERY, new TypeReference<>() { }));
    }

    /**
     * {@code GET /connectors/NAME/topics} (Kafka 2.5+): the topics the connector has used since it
     * was created or its topics were reset. A worker with {@code topic.tracking.enable=false}
     * answers 403 "Topic tracking is disabled."
     */
    public ApiResponse<Map<String, ActiveTopics>> activeTopics(String name) {
        return onConnector(name, "active topics API: it came with Kafka 2.5",
                () -> get(List.of("connectors", name, "topics"), NO_QUERY, new TypeReference<>() { }));
    }

    /** {@code DELETE /connectors/NAME/offsets} (Kafka 3.6+; the connector must be STOPPED). */
    public ApiResponse<Message> resetOffsets(String name) {
        return onConnector(name, OFFSETS_API, () -> call("DELETE", List.of("connectors", name, "offsets"), NO_QUERY,
                null, type(new TypeReference<Message>() { })));
    }

    /** {@code PATCH /connectors/NAME/offsets} with {"offsets": […]} (Kafka 3.6+; the connector must be STOPPED). */
    public ApiResponse<Message> alterOffsets(String name, String offsetsJson) {
        return onConnector(name, OFFSETS_API, () -> call("PATCH", List.of("connectors", name, "offsets"), NO_QUERY,
                offsetsJson, type(new TypeReference<Message>() { })));
    }

    /** {@code GET /connector-plugins}; with {@code all}, converters, transforms and predicates too. */
    public ApiResponse<List<PluginInfo>> plugins(boolean all) {
        return get(List.of("connector-plugins"), List.of(Map.entry("connectorsOnly", Boolean.toString(!all))),
                new TypeReference<>() { });
    }

    /**
     * {@code GET /connector-plugins/CLASS/config}: the plugin's options. That endpoint came with
     * Kafka 3.2; older workers describe the options in their answer to validating a bare config
     * (Connect's own options, like tasks.max, included). That config names a topic: without one
     * those workers answer a sink's validation with an error (a source ignores it).
     */
    public ApiResponse<List<ConfigKeyInfo>> pluginConfig(String plugin) {
        if (!workerVersion().atLeast(3, 2)) {
            Map<String, String> bare = Map.of("connector.class", plugin, "topics", "kconnect-options");
            List<ConfigKeyInfo> options = validate(plugin, bare).value().configs().stream()
                    .map(ConfigInfos.ConfigInfo::definition).filter(Objects::nonNull).toList(); // a source's topics has none
            return new ApiResponse<>(200, write(options), options);
        }
        return onPlugin(plugin, () -> get(List.of("connector-plugins", plugin, "config"), NO_QUERY, new TypeReference<>() { }));
    }

    /** {@code PUT /connector-plugins/CLASS/config/validate}: checks a config without creating anything. */
    public ApiResponse<ConfigInfos> validate(String plugin, Map<String, String> config) {
        return onPlugin(plugin, () -> call("PUT", List.of("connector-plugins", plugin, "config", "validate"), NO_QUERY,
                write(config), type(new TypeReference<ConfigInfos>() { })));
    }

    <T> ApiResponse<T> get(List<String> path, List<Map.Entry<String, String>> query, TypeReference<T> type) {
        return call("GET", path, query, null, type(type));
    }

    /** Package-private for {@link NewerEndpoints}, which holds the endpoints of Connect 3.7 and later. */
    <T> ApiResponse<T> call(String method, List<String> path, List<Map.Entry<String, String>> query,
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
        return onConnector(name, null, call);
    }

    /**
     * As {@link #onConnector(String, Supplier)}; when the connector exists and {@code feature} is
     * given, the 404 means the worker lacks that endpoint: say which Kafka version added it.
     */
    private <T> T onConnector(String name, String feature, Supplier<T> call) {
        try {
            return call.get();
        } catch (NotFoundException e) {
            List<String> known = connectorNames().value();
            if (known != null && known.contains(name)) {
                if (feature != null) {
                    throw new NotFoundException("this worker (Kafka " + serverInfo().value().version() + ") has no "
                            + feature + " (" + e.getMessage() + ")");
                }
                throw e; // the connector exists: the 404 is about something else (a task, say)
            }
            throw new ConnectorNotFoundException(name, known == null ? List.of() : known);
        }
    }

    /** A 404 naming a plugin: list the ones the worker has. */
    private <T> T onPlugin(String plugin, Supplier<T> call) {
        try {
            return call.get();
        } catch (NotFoundException e) {
            List<PluginInfo> known = plugins(false).value();
            throw new NotFoundException("no plugin '" + plugin + "' on this worker; its connectors: "
                    + (known == null ? "" : String.join(", ", known.stream().map(PluginInfo::className).sorted().toList()))
                    + " (kconnect plugins --all lists converters and transforms too)");
        }
    }

    static JavaType type(TypeReference<?> type) {
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

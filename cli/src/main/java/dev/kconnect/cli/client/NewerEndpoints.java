package dev.kconnect.cli.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kconnect.cli.client.model.ConfigKeyInfo;
import dev.kconnect.cli.client.model.ConnectorInfo;
import dev.kconnect.cli.client.model.PluginInfo;

import java.util.List;
import java.util.Map;

/**
 * The REST calls of Connect 3.7 and later, kept out of {@link ConnectClient}: {@code initial_state}
 * (KIP-980, 3.7) and {@code initial_offsets} (KIP-995) on {@code POST /connectors}, and
 * {@code PATCH /connectors/NAME/config} (KIP-477, 3.8). Callers check the worker's release first.
 */
public final class NewerEndpoints {

    /** The three states a connector may be created in (KIP-980); lower case, as people type them. */
    public enum InitialState {
        running, paused, stopped;

        /** As Connect writes states: RUNNING. */
        public String connectState() {
            return name().toUpperCase(java.util.Locale.ROOT);
        }
    }

    private final ConnectClient client;

    public NewerEndpoints(ConnectClient client) {
        this.client = client;
    }

    /**
     * {@code POST /connectors} with {@code initial_state}, and {@code initial_offsets} (the
     * {"offsets": […]} of PATCH …/offsets, as KIP-995 takes it) when not null. The raw answer says
     * whether the worker applied the offsets: it then holds {@code offsets_status}.
     */
    public ApiResponse<ConnectorInfo> create(String name, Map<String, String> config, InitialState state, JsonNode offsets) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("name", name);
        body.set("config", Json.MAPPER.valueToTree(config));
        if (state != null) {
            body.put("initial_state", state.connectState());
        }
        if (offsets != null) {
            body.set("initial_offsets", offsets);
        }
        return client.call("POST", List.of("connectors"), List.of(), body.toString(),
                Json.MAPPER.getTypeFactory().constructType(new TypeReference<ConnectorInfo>() { }));
    }

    /** {@code PATCH /connectors/NAME/config} (3.8+): the keys given change, a null value removes its key. */
    public ApiResponse<ConnectorInfo> patchConfig(String name, Map<String, String> changes) {
        // Jackson writes a null map value as JSON null, which is how KIP-477 removes a key
        String body = Json.MAPPER.valueToTree(changes).toString();
        try {
            return client.call("PATCH", List.of("connectors", name, "config"), List.of(), body,
                    Json.MAPPER.getTypeFactory().constructType(new TypeReference<ConnectorInfo>() { }));
        } catch (NotFoundException e) {
            List<String> known = client.connectorNames().value();
            throw known != null && known.contains(name) ? e : new ConnectorNotFoundException(name, known == null ? List.of() : known);
        }
    }

    /**
     * {@code GET /connector-plugins/CLASS/config?version=V} (4.1+, KIP-891): the options of one
     * installed version; a version the worker lacks is "not found", naming those it has.
     */
    public ApiResponse<List<ConfigKeyInfo>> pluginConfig(String plugin, String version) {
        try {
            return client.call("GET", List.of("connector-plugins", plugin, "config"), List.of(Map.entry("version", version)),
                    null, Json.MAPPER.getTypeFactory().constructType(new TypeReference<List<ConfigKeyInfo>>() { }));
        } catch (ApiException e) {
            if (e.status() != 404 && e.status() != 400) {
                throw e;
            }
            List<String> versions = client.plugins(true).value().stream()
                    .filter(p -> plugin.equals(p.className())).map(PluginInfo::version).toList();
            throw new NotFoundException("no version '" + version + "' of plugin '" + plugin + "' on this worker"
                    + (versions.isEmpty() ? "; see: kconnect plugins" : "; it has " + String.join(", ", versions)));
        }
    }
}

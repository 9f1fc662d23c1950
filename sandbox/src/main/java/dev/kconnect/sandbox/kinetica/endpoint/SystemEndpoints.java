package dev.kconnect.sandbox.kinetica.endpoint;

import com.gpudb.protocol.HasPermissionRequest;
import com.gpudb.protocol.HasPermissionResponse;
import com.gpudb.protocol.ShowSystemPropertiesResponse;
import com.gpudb.protocol.ShowSystemStatusResponse;

import java.util.HashMap;
import java.util.Map;

/**
 * System endpoints the client calls while connecting: properties (version, a single head rank,
 * no HA, no multi-head ingest) and status ("running"), plus permission checks, which always pass.
 */
final class SystemEndpoints {
    static final String VERSION = "7.1.10.5";
    /** Kinetica's default max_get_records_size: the most rows one /get/records returns. */
    static final int MAX_GET_RECORDS_SIZE = 20000;

    private final boolean authenticated;

    SystemEndpoints(boolean authenticated) {
        this.authenticated = authenticated;
    }

    void register(Map<String, Endpoint> endpoints) {
        endpoints.put("/show/system/properties", this::properties);
        endpoints.put("/show/system/status", call -> new ShowSystemStatusResponse()
                .setStatusMap(Map.of("system", "{\"status\":\"running\",\"version\":\"" + VERSION + "\"}"))
                .setInfo(Map.of()));
        endpoints.put("/has/permission", this::hasPermission);
    }

    private ShowSystemPropertiesResponse properties(Call call) {
        String host = call.baseUrl().replaceFirst("^https?://", "").replaceFirst(":\\d+$", "");
        Map<String, String> properties = new HashMap<>();
        properties.put("version.gpudb_core_version", VERSION);
        properties.put("conf.enable_ha", "FALSE");
        properties.put("conf.ha_ring_head_nodes_full", "");
        properties.put("conf.enable_httpd_proxy", "FALSE");
        properties.put("conf.enable_worker_http_servers", "FALSE");
        properties.put("conf.worker_http_server_urls", call.baseUrl());
        properties.put("conf.number_of_hosts", "1");
        properties.put("conf.host0_address", host);
        properties.put("conf.host0_public_urls", call.baseUrl());
        properties.put("conf.max_get_records_size", String.valueOf(MAX_GET_RECORDS_SIZE));
        properties.put("conf.require_authentication", authenticated ? "TRUE" : "FALSE");
        properties.put("conf.set_monitor_port", "-1");   // no ZeroMQ table monitor stream
        return new ShowSystemPropertiesResponse().setPropertyMap(properties).setInfo(Map.of());
    }

    private HasPermissionResponse hasPermission(Call call) {
        HasPermissionRequest request = call.decode(new HasPermissionRequest());
        return new HasPermissionResponse()
                .setPrincipal(request.getPrincipal())
                .setObject(request.getObject())
                .setObjectType(request.getObjectType())
                .setPermission(request.getPermission())
                .setHasPermission(true)
                .setFilters(Map.of())
                .setInfo(Map.of());
    }
}

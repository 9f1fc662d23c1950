package dev.kconnect.sandbox.kinetica.endpoint;

import com.gpudb.protocol.AdminShowShardsRequest;
import com.gpudb.protocol.AdminShowShardsResponse;
import com.gpudb.protocol.HasPermissionRequest;
import com.gpudb.protocol.HasPermissionResponse;
import com.gpudb.protocol.ShowSystemPropertiesRequest;
import com.gpudb.protocol.ShowSystemPropertiesResponse;
import com.gpudb.protocol.ShowSystemStatusResponse;

import dev.kconnect.sandbox.kinetica.monitor.TableMonitors;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * System endpoints the client calls while connecting: properties (version, the rank URLs, no HA)
 * and status ("running"), plus permission checks, which always pass, and the shard map
 * (/admin/show/shards) a BulkInserter routes records by.
 */
final class SystemEndpoints {
    static final String VERSION = "7.1.10.5";
    /** Kinetica's default max_get_records_size: the most rows one /get/records returns. */
    static final int MAX_GET_RECORDS_SIZE = 20000;

    /**
     * The shard map's version. Not 0: a BulkInserter starts at version 0 and takes a map of the
     * same version for "unchanged", keeping no routing table at all.
     */
    static final long SHARD_VERSION = 1;

    private final boolean authenticated;
    private final Ranks ranks;
    private final TableMonitors monitors;

    SystemEndpoints(boolean authenticated, Ranks ranks, TableMonitors monitors) {
        this.authenticated = authenticated;
        this.ranks = ranks;
        this.monitors = monitors;
    }

    void register(Map<String, Endpoint> endpoints) {
        endpoints.put("/show/system/properties", this::properties);
        endpoints.put("/show/system/status", call -> new ShowSystemStatusResponse()
                .setStatusMap(Map.of("system", "{\"status\":\"running\",\"version\":\"" + VERSION + "\"}"))
                .setInfo(Map.of()));
        endpoints.put("/has/permission", this::hasPermission);
        endpoints.put("/admin/show/shards", this::shards);
    }

    private ShowSystemPropertiesResponse properties(Call call) {
        ShowSystemPropertiesRequest request = call.decode(new ShowSystemPropertiesRequest());
        String host = call.baseUrl().replaceFirst("^https?://", "").replaceFirst(":\\d+$", "");
        Map<String, String> properties = new HashMap<>();
        properties.put("version.gpudb_core_version", VERSION);
        properties.put("conf.enable_ha", "FALSE");
        properties.put("conf.ha_ring_head_nodes_full", "");
        properties.put("conf.enable_httpd_proxy", "FALSE");
        // a worker list (gpudb-api's WorkerList) is made of ranks 1..n of these URLs
        properties.put("conf.enable_worker_http_servers", ranks.workers() > 0 ? "TRUE" : "FALSE");
        properties.put("conf.worker_http_server_urls", ranks.workers() > 0 ? rankUrls(host) : call.baseUrl());
        properties.put("conf.number_of_hosts", "1");
        properties.put("conf.host0_address", host);
        properties.put("conf.host0_public_urls", call.baseUrl());
        properties.put("conf.max_get_records_size", String.valueOf(MAX_GET_RECORDS_SIZE));
        properties.put("conf.require_authentication", authenticated ? "TRUE" : "FALSE");
        // where table monitors publish: subscribers connect to tcp://<the host of the URL>:<port>
        properties.put("conf.set_monitor_port", String.valueOf(monitors.port()));
        String wanted = Options.get(request.getOptions(), "properties", "");
        if (!wanted.isEmpty()) {
            // a comma-separated list of the properties to answer; names Kinetica does not have are left out
            properties.keySet().retainAll(List.of(wanted.split("\\s*,\\s*")));
        }
        return new ShowSystemPropertiesResponse().setPropertyMap(properties).setInfo(Map.of());
    }

    /** "url0;url1;...": each rank's URL, rank 0 (the head) first, on the host the client used. */
    private String rankUrls(String host) {
        StringJoiner urls = new StringJoiner(";");
        for (int rank = 0; rank <= ranks.workers(); rank++) {
            urls.add("http://" + host + ":" + ranks.port(rank));
        }
        return urls.toString();
    }

    private AdminShowShardsResponse shards(Call call) {
        call.decode(new AdminShowShardsRequest());
        return new AdminShowShardsResponse()
                .setVersion(SHARD_VERSION)
                .setRank(ranks.shardRanks())
                .setTom(Collections.nCopies(Ranks.SHARDS, 0))
                .setInfo(Map.of());
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

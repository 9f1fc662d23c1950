package dev.kconnect.sandbox.kinetica.endpoint;

import com.gpudb.protocol.ClearTableMonitorRequest;
import com.gpudb.protocol.ClearTableMonitorResponse;
import com.gpudb.protocol.CreateTableMonitorRequest;
import com.gpudb.protocol.CreateTableMonitorResponse;
import dev.kconnect.sandbox.kinetica.store.Catalog;
import dev.kconnect.sandbox.kinetica.store.KineticaError;
import dev.kconnect.sandbox.kinetica.store.Table;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Table monitors: registered and cleared, but the emulator publishes no change events (Kinetica
 * sends those over ZeroMQ, which is not emulated).
 */
final class MonitorEndpoints {
    private final Catalog catalog;
    private final Set<String> monitors = ConcurrentHashMap.newKeySet();

    MonitorEndpoints(Catalog catalog) {
        this.catalog = catalog;
    }

    void register(Map<String, Endpoint> endpoints) {
        endpoints.put("/create/tablemonitor", this::createMonitor);
        endpoints.put("/clear/tablemonitor", this::clearMonitor);
    }

    private CreateTableMonitorResponse createMonitor(Call call) {
        CreateTableMonitorRequest request = call.decode(new CreateTableMonitorRequest());
        Table table = catalog.table(request.getTableName());
        String topic = UUID.randomUUID().toString();
        monitors.add(topic);
        return new CreateTableMonitorResponse()
                .setTopicId(topic)
                .setTableName(table.name())
                .setTypeSchema(table.type().definition())
                .setInfo(Map.of("insert_topic_id", topic, "update_topic_id", "", "delete_topic_id", ""));
    }

    private ClearTableMonitorResponse clearMonitor(Call call) {
        ClearTableMonitorRequest request = call.decode(new ClearTableMonitorRequest());
        if (!monitors.remove(request.getTopicId())) {
            throw new KineticaError("Table monitor '" + request.getTopicId() + "' does not exist");
        }
        return new ClearTableMonitorResponse().setTopicId(request.getTopicId()).setInfo(Map.of());
    }
}

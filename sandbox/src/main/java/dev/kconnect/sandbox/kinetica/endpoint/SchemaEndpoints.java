package dev.kconnect.sandbox.kinetica.endpoint;

import com.gpudb.protocol.ClearTableMonitorRequest;
import com.gpudb.protocol.ClearTableMonitorResponse;
import com.gpudb.protocol.CreateSchemaRequest;
import com.gpudb.protocol.CreateSchemaResponse;
import com.gpudb.protocol.CreateTableMonitorRequest;
import com.gpudb.protocol.CreateTableMonitorResponse;
import com.gpudb.protocol.HasSchemaRequest;
import com.gpudb.protocol.HasSchemaResponse;
import com.gpudb.protocol.ShowSchemaRequest;
import com.gpudb.protocol.ShowSchemaResponse;
import dev.kconnect.sandbox.kinetica.store.Catalog;
import dev.kconnect.sandbox.kinetica.store.KineticaError;
import dev.kconnect.sandbox.kinetica.store.Table;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Schemas, and table monitors: monitors are registered and cleared, but the emulator publishes
 * no change events (Kinetica sends those over ZeroMQ, which is not emulated).
 */
final class SchemaEndpoints {
    private final Catalog catalog;
    private final Set<String> monitors = ConcurrentHashMap.newKeySet();

    SchemaEndpoints(Catalog catalog) {
        this.catalog = catalog;
    }

    void register(Map<String, Endpoint> endpoints) {
        endpoints.put("/create/schema", this::createSchema);
        endpoints.put("/has/schema", this::hasSchema);
        endpoints.put("/show/schema", this::showSchema);
        endpoints.put("/create/tablemonitor", this::createMonitor);
        endpoints.put("/clear/tablemonitor", this::clearMonitor);
    }

    private CreateSchemaResponse createSchema(Call call) {
        CreateSchemaRequest request = call.decode(new CreateSchemaRequest());
        catalog.createSchema(request.getSchemaName(), Options.flag(request.getOptions(), "no_error_if_exists"));
        return new CreateSchemaResponse().setSchemaName(request.getSchemaName()).setInfo(Map.of());
    }

    private HasSchemaResponse hasSchema(Call call) {
        HasSchemaRequest request = call.decode(new HasSchemaRequest());
        return new HasSchemaResponse()
                .setSchemaName(request.getSchemaName())
                .setSchemaExists(catalog.hasSchema(request.getSchemaName()))
                .setInfo(Map.of());
    }

    private ShowSchemaResponse showSchema(Call call) {
        ShowSchemaRequest request = call.decode(new ShowSchemaRequest());
        String name = request.getSchemaName();
        List<String> schemas = name.isEmpty() ? catalog.schemas() : List.of(name);
        if (!name.isEmpty() && !catalog.hasSchema(name)) {
            if (Options.flag(request.getOptions(), "no_error_if_not_exists")) {
                schemas = List.of();
            } else {
                throw new KineticaError("Schema '" + name + "' does not exist");
            }
        }
        return new ShowSchemaResponse()
                .setSchemaName(name)
                .setSchemaNames(schemas)
                .setSchemaTables(schemas.stream()
                        .map(s -> catalog.tablesIn(s).stream().map(Table::name).toList()).toList())
                .setAdditionalInfo(schemas.stream().map(s -> Map.<String, String>of()).toList())
                .setInfo(Map.of());
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

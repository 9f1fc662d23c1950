package dev.kconnect.sandbox.kinetica.endpoint;

import com.gpudb.protocol.CreateSchemaRequest;
import com.gpudb.protocol.CreateSchemaResponse;
import com.gpudb.protocol.DropSchemaRequest;
import com.gpudb.protocol.DropSchemaResponse;
import com.gpudb.protocol.HasSchemaRequest;
import com.gpudb.protocol.HasSchemaResponse;
import com.gpudb.protocol.ShowSchemaRequest;
import com.gpudb.protocol.ShowSchemaResponse;
import dev.kconnect.sandbox.kinetica.store.Catalog;
import dev.kconnect.sandbox.kinetica.store.KineticaError;
import dev.kconnect.sandbox.kinetica.store.Table;

import java.util.List;
import java.util.Map;

/** /create/schema, /has/schema, /show/schema and /drop/schema. */
final class SchemaEndpoints {
    private final Catalog catalog;

    SchemaEndpoints(Catalog catalog) {
        this.catalog = catalog;
    }

    void register(Map<String, Endpoint> endpoints) {
        endpoints.put("/create/schema", this::createSchema);
        endpoints.put("/has/schema", this::hasSchema);
        endpoints.put("/show/schema", this::showSchema);
        endpoints.put("/drop/schema", this::dropSchema);
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

    private DropSchemaResponse dropSchema(Call call) {
        DropSchemaRequest request = call.decode(new DropSchemaRequest());
        String name = request.getSchemaName();
        Map<String, String> options = request.getOptions();
        if (!catalog.dropSchema(name, Options.flag(options, "cascade"))
                && !Options.flag(options, "no_error_if_not_exists")) {
            throw new KineticaError("Schema '" + name + "' does not exist");
        }
        return new DropSchemaResponse().setSchemaName(name).setInfo(Map.of());
    }
}

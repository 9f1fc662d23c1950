package dev.kconnect.sandbox.kinetica.endpoint;

import com.gpudb.protocol.ClearTableRequest;
import com.gpudb.protocol.ClearTableResponse;
import com.gpudb.protocol.CreateTableRequest;
import com.gpudb.protocol.CreateTableResponse;
import com.gpudb.protocol.HasTableRequest;
import com.gpudb.protocol.HasTableResponse;
import dev.kconnect.sandbox.kinetica.store.Catalog;
import dev.kconnect.sandbox.kinetica.store.KineticaError;
import dev.kconnect.sandbox.kinetica.store.Table;

import java.util.List;
import java.util.Map;

/** /create/table, /has/table and /clear/table (which, as in Kinetica, drops the table). */
final class TableEndpoints {
    /** Options whose effect the emulator does not have: refused rather than silently ignored. */
    private static final List<String> NOT_EMULATED = List.of("create_temp_table", "foreign_keys", "foreign_shard_key");

    private final Catalog catalog;

    TableEndpoints(Catalog catalog) {
        this.catalog = catalog;
    }

    void register(Map<String, Endpoint> endpoints) {
        endpoints.put("/create/table", this::createTable);
        endpoints.put("/has/table", this::hasTable);
        endpoints.put("/clear/table", this::clearTable);
    }

    private CreateTableResponse createTable(Call call) {
        CreateTableRequest request = call.decode(new CreateTableRequest());
        Map<String, String> options = request.getOptions();
        for (String option : NOT_EMULATED) {
            if (options.containsKey(option)) {
                throw new KineticaError("Option " + option + " of /create/table is not emulated");
            }
        }
        String name = request.getTableName();
        boolean noErrorIfExists = Options.flag(options, "no_error_if_exists");
        if (Options.flag(options, "is_collection")) {
            // the deprecated way to create a schema: the name is the schema's, the type is ignored
            catalog.createSchema(name, noErrorIfExists);
            return response(request, name, true);
        }
        String collection = Options.get(options, "collection_name", "");
        if (!collection.isEmpty()) {
            // the deprecated way to name the schema: it holds the table unless the name has one,
            // and Kinetica creates the schema the table goes into when it is missing
            name = name.contains(".") ? name : collection + "." + name;
            catalog.createSchema(Catalog.schemaOf(Catalog.qualify(name)), true);
        }
        Table table = catalog.createTable(name, request.getTypeId(), noErrorIfExists);
        return response(request, table.name(), false);
    }

    private static CreateTableResponse response(CreateTableRequest request, String qualified, boolean schema) {
        return new CreateTableResponse()
                .setTableName(request.getTableName())
                .setTypeId(request.getTypeId())
                .setIsCollection(schema)
                .setInfo(Map.of("qualified_table_name", qualified));
    }

    private HasTableResponse hasTable(Call call) {
        HasTableRequest request = call.decode(new HasTableRequest());
        return new HasTableResponse()
                .setTableName(request.getTableName())
                .setTableExists(catalog.find(request.getTableName()).isPresent())
                .setInfo(Map.of());
    }

    private ClearTableResponse clearTable(Call call) {
        ClearTableRequest request = call.decode(new ClearTableRequest());
        String name = request.getTableName();
        if (name.isEmpty()) {
            throw new KineticaError("Clearing all tables is disabled (disable_clear_all, as Kinetica's default)");
        }
        if (!catalog.dropTable(name) && !Options.flag(request.getOptions(), "no_error_if_not_exists")) {
            throw new KineticaError("Table '" + Catalog.qualify(name) + "' does not exist");
        }
        return new ClearTableResponse().setTableName(name).setInfo(Map.of());
    }
}

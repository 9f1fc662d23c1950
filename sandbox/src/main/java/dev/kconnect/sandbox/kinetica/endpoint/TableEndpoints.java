package dev.kconnect.sandbox.kinetica.endpoint;

import com.gpudb.protocol.ClearTableRequest;
import com.gpudb.protocol.ClearTableResponse;
import com.gpudb.protocol.CreateTableRequest;
import com.gpudb.protocol.CreateTableResponse;
import com.gpudb.protocol.HasTableRequest;
import com.gpudb.protocol.HasTableResponse;
import com.gpudb.protocol.ShowTableRequest;
import com.gpudb.protocol.ShowTableResponse;
import dev.kconnect.sandbox.kinetica.store.Catalog;
import dev.kconnect.sandbox.kinetica.store.KineticaError;
import dev.kconnect.sandbox.kinetica.store.Table;
import dev.kconnect.sandbox.kinetica.store.TableType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** /create/table, /has/table, /show/table and /clear/table (which, as in Kinetica, drops the table). */
final class TableEndpoints {
    private final Catalog catalog;

    TableEndpoints(Catalog catalog) {
        this.catalog = catalog;
    }

    void register(Map<String, Endpoint> endpoints) {
        endpoints.put("/create/table", this::createTable);
        endpoints.put("/has/table", this::hasTable);
        endpoints.put("/show/table", this::showTable);
        endpoints.put("/clear/table", this::clearTable);
    }

    private CreateTableResponse createTable(Call call) {
        CreateTableRequest request = call.decode(new CreateTableRequest());
        Map<String, String> options = request.getOptions();
        String name = request.getTableName();
        String schema = Options.get(options, "collection_name", "");
        if (!schema.isEmpty() && !name.contains(".")) {
            // the deprecated way of naming the schema, which Kinetica creates when missing
            catalog.createSchema(schema, true);
            name = schema + "." + name;
        }
        if (Options.flag(options, "is_collection")) {
            throw new KineticaError("Collections are not supported; use /create/schema");
        }
        Table table = catalog.createTable(name, request.getTypeId(), Options.flag(options, "no_error_if_exists"));
        return new CreateTableResponse()
                .setTableName(table.name())
                .setTypeId(table.type().id())
                .setIsCollection(false)
                .setInfo(Map.of());
    }

    private HasTableResponse hasTable(Call call) {
        HasTableRequest request = call.decode(new HasTableRequest());
        return new HasTableResponse()
                .setTableName(request.getTableName())
                .setTableExists(catalog.find(request.getTableName()).isPresent())
                .setInfo(Map.of());
    }

    private ShowTableResponse showTable(Call call) {
        ShowTableRequest request = call.decode(new ShowTableRequest());
        String name = request.getTableName();
        List<Table> tables = new ArrayList<>();
        if (name.isEmpty()) {
            catalog.tableNames().forEach(n -> catalog.find(n).ifPresent(tables::add));
        } else if (!name.contains(".") && catalog.hasSchema(name)) {
            tables.addAll(catalog.tablesIn(name));
        } else if (catalog.find(name).isPresent()) {
            tables.add(catalog.table(name));
        } else if (!Options.flag(request.getOptions(), "no_error_if_not_exists")) {
            throw new KineticaError("Table '" + Catalog.qualify(name) + "' does not exist");
        }
        ShowTableResponse response = new ShowTableResponse()
                .setTableName(name)
                .setTableNames(new ArrayList<>())
                .setTableDescriptions(new ArrayList<>())
                .setTypeIds(new ArrayList<>())
                .setTypeSchemas(new ArrayList<>())
                .setTypeLabels(new ArrayList<>())
                .setProperties(new ArrayList<>())
                .setAdditionalInfo(new ArrayList<>())
                .setSizes(new ArrayList<>())
                .setFullSizes(new ArrayList<>())
                .setJoinSizes(new ArrayList<>())
                .setInfo(Map.of());
        long total = 0;
        for (Table table : tables) {
            TableType type = table.type();
            long size = table.size();
            total += size;
            response.getTableNames().add(table.name());
            response.getTableDescriptions().add(List.of());
            response.getTypeIds().add(type.id());
            response.getTypeSchemas().add(type.definition());
            response.getTypeLabels().add(type.label());
            response.getProperties().add(type.properties());
            response.getAdditionalInfo().add(additionalInfo(table));
            response.getSizes().add(size);
            response.getFullSizes().add(size);
            response.getJoinSizes().add((double) size);
        }
        return response.setTotalSize(total).setTotalFullSize(total);
    }

    private static Map<String, String> additionalInfo(Table table) {
        Map<String, String> info = new HashMap<>();
        String schema = Catalog.schemaOf(table.name());
        info.put("schema_name", schema);
        info.put("collection_names", schema);
        info.put("table_ttl", "-1");
        info.put("remaining_table_ttl", "-1");
        info.put("request_avro_type", "is_table");
        info.put("attribute_indexes", "");
        info.put("foreign_keys", "");
        info.put("is_dirty", "false");
        info.put("protected", "false");
        info.put("record_bytes", "0");
        return info;
    }

    private ClearTableResponse clearTable(Call call) {
        ClearTableRequest request = call.decode(new ClearTableRequest());
        String name = request.getTableName();
        if (!catalog.dropTable(name) && !Options.flag(request.getOptions(), "no_error_if_not_exists")) {
            throw new KineticaError("Table '" + Catalog.qualify(name) + "' does not exist");
        }
        return new ClearTableResponse().setTableName(name).setInfo(Map.of());
    }
}

package dev.kconnect.sandbox.kinetica.endpoint;

import com.gpudb.protocol.ShowTableRequest;
import com.gpudb.protocol.ShowTableResponse;
import dev.kconnect.sandbox.kinetica.store.Catalog;
import dev.kconnect.sandbox.kinetica.store.Column;
import dev.kconnect.sandbox.kinetica.store.KineticaError;
import dev.kconnect.sandbox.kinetica.store.Table;
import dev.kconnect.sandbox.kinetica.store.TableType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * /show/table as Kinetica 7.1 documents it: a table, every table of a schema ({@code show_children},
 * the default) or the schema itself, or every table for an empty name. Sizes only when asked for
 * ({@code get_sizes}, {@code get_cached_sizes}): otherwise empty lists and totals of -1.
 */
final class ShowTableEndpoint {
    private final Catalog catalog;

    ShowTableEndpoint(Catalog catalog) {
        this.catalog = catalog;
    }

    void register(Map<String, Endpoint> endpoints) {
        endpoints.put("/show/table", this::showTable);
    }

    private ShowTableResponse showTable(Call call) {
        ShowTableRequest request = call.decode(new ShowTableRequest());
        Map<String, String> options = request.getOptions();
        String name = request.getTableName();
        boolean children = !"false".equalsIgnoreCase(Options.get(options, "show_children", "true"));
        boolean sizes = Options.flag(options, "get_sizes") || Options.flag(options, "get_cached_sizes");
        ShowTableResponse response = empty(name);
        if (name.isEmpty()) {
            if (!children) {
                throw new KineticaError("show_children must be true when table_name is empty");
            }
            catalog.tableNames().forEach(n -> catalog.find(n).ifPresent(t -> add(response, t, sizes)));
        } else if (!name.contains(".") && catalog.hasSchema(name)) {
            if (children) {
                catalog.tablesIn(name).forEach(t -> add(response, t, sizes));
            } else {
                addSchema(response, name, sizes);
            }
        } else if (catalog.find(name).isPresent()) {
            add(response, catalog.table(name), sizes);
        } else if (!Options.flag(options, "no_error_if_not_exists")) {
            throw new KineticaError("Table '" + Catalog.qualify(name) + "' does not exist");
        }
        long total = sizes ? response.getSizes().stream().mapToLong(Long::longValue).sum() : -1;
        return response.setTotalSize(total).setTotalFullSize(total);
    }

    private static ShowTableResponse empty(String name) {
        return new ShowTableResponse()
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
    }

    private static void add(ShowTableResponse response, Table table, boolean sizes) {
        // one snapshot of type and size: an insert or alteration in between must not mix them
        TableType type;
        long size;
        synchronized (table) {
            type = table.type();
            size = table.size();
        }
        response.getTableNames().add(table.name());
        response.getTableDescriptions().add(List.of());
        response.getTypeIds().add(type.id());
        response.getTypeSchemas().add(type.definition());
        response.getTypeLabels().add(type.label());
        response.getProperties().add(type.properties());
        response.getAdditionalInfo().add(additionalInfo(table.name(), type, size));
        if (sizes) {
            response.getSizes().add(size);
            response.getFullSizes().add(size);
            response.getJoinSizes().add((double) size);
        }
    }

    private static void addSchema(ShowTableResponse response, String schema, boolean sizes) {
        response.getTableNames().add(schema);
        response.getTableDescriptions().add(List.of("SCHEMA"));
        response.getTypeIds().add("");
        response.getTypeSchemas().add("");
        response.getTypeLabels().add("");
        response.getProperties().add(Map.of());
        response.getAdditionalInfo().add(Map.of("schema_name", schema, "collection_names", schema));
        if (sizes) {
            response.getSizes().add(0L);
            response.getFullSizes().add(0L);
            response.getJoinSizes().add(0d);
        }
    }

    /** The additional_info keys Kinetica documents for a plain table, with a plain table's values. */
    private static Map<String, String> additionalInfo(String table, TableType type, long size) {
        String schema = Catalog.schemaOf(table);
        long recordBytes = recordBytes(type);
        Map<String, String> info = new HashMap<>();
        info.put("request_avro_type", "create_table");
        info.put("request_avro_json", "");
        info.put("schema_name", schema);
        info.put("collection_names", schema);
        info.put("table_ttl", "-1");
        info.put("remaining_table_ttl", "-1");
        info.put("protected", "false");
        info.put("record_bytes", String.valueOf(recordBytes));
        info.put("total_bytes", String.valueOf(recordBytes * size));
        info.put("foreign_keys", "");
        info.put("foreign_shard_key", "");
        info.put("partition_type", "NONE");
        info.put("partition_keys", "");
        info.put("partition_definitions", "");
        info.put("is_automatic_partition", "");
        info.put("attribute_indexes", "");
        info.put("compressed_columns", "");
        info.put("column_info", "");
        info.put("global_access_mode", "read_write");
        info.put("is_dirty", "");
        info.put("user_chunk_size", "");
        info.put("owner_resource_group", "");
        info.put("alternate_shard_keys", "");
        info.put("datasource_subscriptions", "");
        return info;
    }

    /**
     * Kinetica's record_bytes: the bytes a record takes in memory, summed over its data columns.
     * An estimate from each column's fixed width (charN: N, unlimited string: 8, as a reference).
     */
    private static long recordBytes(TableType type) {
        long bytes = 0;
        for (Column column : type.columns()) {
            if (column.has("data")) {
                bytes += width(column);
            }
        }
        return bytes;
    }

    private static int width(Column column) {
        if (column.charLength() > 0) {
            return column.charLength();
        }
        if (column.has("int8") || column.has("boolean")) {
            return 1;
        }
        if (column.has("int16")) {
            return 2;
        }
        if (column.has("uuid")) {
            return 16;
        }
        return switch (column.type()) {
            case INT, FLOAT -> 4;
            default -> 8;
        };
    }
}

package dev.kconnect.sandbox.kinetica.endpoint;

import com.gpudb.protocol.AlterTableColumnsRequest;
import com.gpudb.protocol.AlterTableColumnsResponse;
import com.gpudb.protocol.AlterTableRequest;
import com.gpudb.protocol.AlterTableResponse;
import dev.kconnect.sandbox.kinetica.store.Catalog;
import dev.kconnect.sandbox.kinetica.store.ColumnChanges;
import dev.kconnect.sandbox.kinetica.store.KineticaError;
import dev.kconnect.sandbox.kinetica.store.Table;
import dev.kconnect.sandbox.kinetica.store.TableType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * /alter/table and /alter/table/columns. Column actions change the table's type and rows;
 * index, compression, TTL and protection actions are accepted and change nothing, since the
 * emulator keeps no indexes and never expires tables.
 */
final class AlterEndpoints {
    private static final Set<String> COLUMN_ACTIONS = Set.of("add_column", "change_column", "delete_column");
    private static final Set<String> NO_EFFECT_ACTIONS = Set.of(
            "create_index", "delete_index", "set_column_compression", "ttl", "protected", "refresh");

    private final Catalog catalog;

    AlterEndpoints(Catalog catalog) {
        this.catalog = catalog;
    }

    void register(Map<String, Endpoint> endpoints) {
        endpoints.put("/alter/table", this::alterTable);
        endpoints.put("/alter/table/columns", this::alterColumns);
    }

    private AlterTableResponse alterTable(Call call) {
        AlterTableRequest request = call.decode(new AlterTableRequest());
        Table table = catalog.table(request.getTableName());
        String action = request.getAction();
        TableType type;
        if (COLUMN_ACTIONS.contains(action)) {
            Map<String, String> alteration = new HashMap<>(request.getOptions());
            alteration.put("action", action);
            alteration.put("column_name", request.getValue());
            type = ColumnChanges.alter(catalog, table, List.of(alteration));
        } else if (NO_EFFECT_ACTIONS.contains(action)) {
            type = table.type();
        } else {
            throw new KineticaError("Unsupported alter table action '" + action + "' (not emulated)");
        }
        return new AlterTableResponse()
                .setTableName(request.getTableName())
                .setAction(action)
                .setValue(request.getValue())
                .setTypeId(type.id())
                .setTypeDefinition(type.definition())
                .setProperties(type.properties())
                .setLabel(type.label())
                .setInfo(Map.of());
    }

    private AlterTableColumnsResponse alterColumns(Call call) {
        AlterTableColumnsRequest request = call.decode(new AlterTableColumnsRequest());
        Table table = catalog.table(request.getTableName());
        TableType type = ColumnChanges.alter(catalog, table, request.getColumnAlterations());
        return new AlterTableColumnsResponse()
                .setTableName(request.getTableName())
                .setTypeId(type.id())
                .setTypeDefinition(type.definition())
                .setProperties(type.properties())
                .setLabel(type.label())
                .setColumnAlterations(request.getColumnAlterations())
                .setInfo(Map.of());
    }
}

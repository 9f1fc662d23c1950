package com.kinetica.kafka.schema;

import com.gpudb.ColumnProperty;
import com.gpudb.GPUdb;
import com.gpudb.GPUdbException;
import com.gpudb.Type;
import com.gpudb.protocol.CreateSchemaRequest;
import com.gpudb.protocol.CreateTableRequest;
import com.kinetica.kafka.convert.ColumnKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Looks up, creates and alters tables, and caches their types. Creation tolerates another
 * task creating the same table at the same moment: whatever ends up in Kinetica is read back.
 */
public final class KineticaTables {
    private static final Logger log = LoggerFactory.getLogger(KineticaTables.class);

    private final GPUdb gpudb;
    private final Map<TableId, Type> types = new HashMap<>();
    private final Set<String> schemas = new HashSet<>();

    public KineticaTables(GPUdb gpudb) {
        this.gpudb = gpudb;
    }

    /** The table's type, or {@code null} when the table does not exist. */
    public Type find(TableId id) throws GPUdbException {
        Type cached = types.get(id);
        if (cached != null) {
            return cached;
        }
        if (!gpudb.hasTable(id.qualified(), Map.of()).getTableExists()) {
            return null;
        }
        return refresh(id);
    }

    /** Creates the table (and its schema) unless it exists, and returns the type it has. */
    public Type create(TableId id, List<ColumnSpec> columns) throws GPUdbException {
        if (!id.schema().isEmpty() && schemas.add(id.schema())) {
            gpudb.createSchema(id.schema(), Map.of(CreateSchemaRequest.Options.NO_ERROR_IF_EXISTS, "true"));
        }
        List<Type.Column> typeColumns = new ArrayList<>();
        for (ColumnSpec c : columns) {
            typeColumns.add(c.toColumn());
        }
        String typeId = new Type(id.table(), typeColumns).create(gpudb);
        gpudb.createTable(id.qualified(), typeId, Map.of(CreateTableRequest.Options.NO_ERROR_IF_EXISTS, "true"));
        log.info("Created table {} with columns {}", id, columns);
        return refresh(id);
    }

    /** Adds nullable columns through /alter/table/columns. */
    public Type addColumns(TableId id, List<ColumnSpec> columns) throws GPUdbException {
        List<Map<String, String>> alterations = new ArrayList<>();
        for (ColumnSpec c : columns) {
            Type.Column column = c.toColumn();
            alterations.add(alteration(column, "add_column"));
        }
        gpudb.alterTableColumns(id.qualified(), alterations, Map.of());
        log.info("Added columns {} to table {}", columns, id);
        return refresh(id);
    }

    /** Makes existing columns nullable through /alter/table/columns. */
    public Type makeNullable(TableId id, List<Type.Column> columns) throws GPUdbException {
        List<Map<String, String>> alterations = new ArrayList<>();
        for (Type.Column column : columns) {
            List<String> props = new ArrayList<>(column.getProperties());
            props.remove("data");
            props.add(ColumnProperty.NULLABLE);
            alterations.add(alteration(new Type.Column(column.getName(), column.getType(), props), "change_column"));
        }
        gpudb.alterTableColumns(id.qualified(), alterations, Map.of());
        log.info("Made columns {} of table {} nullable", columns.stream().map(Type.Column::getName).toList(), id);
        return refresh(id);
    }

    /** Forgets what is known of the table, e.g. after it was dropped. */
    public void forget(TableId id) {
        types.remove(id);
    }

    /** Reads the table's type again, e.g. after another task altered it. */
    public Type refresh(TableId id) throws GPUdbException {
        Type type = Type.fromTable(gpudb, id.qualified());
        types.put(id, type);
        return type;
    }

    private static Map<String, String> alteration(Type.Column column, String action) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("column_name", column.getName());
        a.put("action", action);
        a.put("column_type", ColumnKind.of(column).avroType());
        List<String> props = new ArrayList<>(column.getProperties());
        props.remove("data");
        a.put("column_properties", String.join(",", props));
        return a;
    }
}

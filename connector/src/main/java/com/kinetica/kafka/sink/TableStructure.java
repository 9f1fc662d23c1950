package com.kinetica.kafka.sink;

import com.gpudb.GPUdbException;
import com.gpudb.GenericRecord;
import com.gpudb.Type;
import com.kinetica.kafka.config.KineticaSinkConfig;
import com.kinetica.kafka.convert.KindMapping;
import com.kinetica.kafka.convert.MapRows;
import com.kinetica.kafka.convert.StructRows;
import com.kinetica.kafka.convert.TableLayout;
import com.kinetica.kafka.schema.ColumnSpec;
import com.kinetica.kafka.schema.KafkaKeyColumns;
import com.kinetica.kafka.schema.KineticaTables;
import com.kinetica.kafka.schema.TableId;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One table as the sink sees it: its type, how a record's value becomes a row of it (one plan
 * per struct schema), and how records change it when schema evolution allows: new fields become
 * nullable columns, missing fields make their columns nullable. Otherwise new fields are
 * ignored with one warning, and missing required fields are errors of the record.
 */
final class TableStructure {
    private static final Logger log = LoggerFactory.getLogger(TableStructure.class);

    private final TableId id;
    private final KineticaTables tables;
    private final boolean addNewFields;
    private final boolean makeMissingNullable;
    private final boolean kafkaKey;
    private final Set<String> warned = new HashSet<>();

    private TableLayout layout;
    /** Column indexes of topic, partition and offset when the sink fills them, else null. */
    private int[] keyColumns;
    private final Map<Schema, StructRows> plans = new IdentityHashMap<>();
    private Schema lastSchema;
    private StructRows lastPlan;
    private MapRows mapRows;

    TableStructure(TableId id, Type type, KineticaTables tables, KineticaSinkConfig config) {
        this.id = id;
        this.tables = tables;
        this.addNewFields = config.addNewFields();
        this.makeMissingNullable = config.makeMissingNullable();
        this.kafkaKey = config.kafkaKey();
        retype(type);
    }

    TableId id() {
        return id;
    }

    Type type() {
        return layout.type();
    }

    /**
     * Whether the table must change before a value of {@code schema} (or this schemaless map) can
     * be written; rows already buffered for the table as it is must be written first.
     */
    boolean needsChange(Schema schema, Object value) {
        if (schema != null) {
            StructRows plan = planFor(schema);
            return addNewFields && !plan.extraFields().isEmpty()
                    || makeMissingNullable && !plan.missingRequired().isEmpty();
        }
        Map<?, ?> map = (Map<?, ?>) value;
        return addNewFields && !mapRows().unknownKeys(map).isEmpty()
                || makeMissingNullable && !mapRows().missingRequired(map).isEmpty();
    }

    /** Alters the table so that values like this one fit; another task may have done it already. */
    void change(Schema schema, Object value) throws GPUdbException {
        retype(tables.refresh(id));
        if (!needsChange(schema, value)) {
            return;
        }
        List<ColumnSpec> added = new ArrayList<>();
        List<String> relaxed;
        if (schema != null) {
            StructRows plan = planFor(schema);
            if (addNewFields) {
                for (Field f : plan.extraFields()) {
                    added.add(ColumnSpec.forField(f.name(), f.schema(), true, false));
                }
            }
            relaxed = plan.missingRequired();
        } else {
            Map<?, ?> map = (Map<?, ?>) value;
            if (addNewFields) {
                for (String key : mapRows().unknownKeys(map)) {
                    added.add(new ColumnSpec(key, KindMapping.forValue(map.get(key)), true, false));
                }
            }
            relaxed = mapRows().missingRequired(map);
        }
        if (!added.isEmpty()) {
            retype(tables.addColumns(id, added));
        }
        if (makeMissingNullable && !relaxed.isEmpty()) {
            List<Type.Column> columns = new ArrayList<>();
            relaxed.forEach(name -> columns.add(layout.type().getColumn(name)));
            retype(tables.makeNullable(id, columns));
        }
    }

    /** The row for a record's value; a value that does not fit throws a {@code DataException}. */
    GenericRecord convert(Schema schema, Object value, SinkRecord record) {
        GenericRecord row;
        if (schema != null) {
            StructRows plan = planFor(schema);
            if (!plan.extraFields().isEmpty()) {
                warnIgnored(plan.extraFields().stream().map(Field::name).toList());
            }
            row = plan.convert((Struct) value);
        } else {
            Map<?, ?> map = (Map<?, ?>) value;
            if (map.size() > layout.size()) {
                List<String> unknown = mapRows().unknownKeys(map);
                if (!unknown.isEmpty()) {
                    warnIgnored(unknown);
                }
            }
            row = mapRows().convert(map);
        }
        if (keyColumns != null) {
            row.put(keyColumns[0], Coordinates.topicOf(record));
            row.put(keyColumns[1], Coordinates.kafkaPartitionOf(record));
            row.put(keyColumns[2], Coordinates.offsetOf(record));
        }
        return row;
    }

    /**
     * Reads the table's type again (after Kinetica refused a write, someone may have altered the
     * table or made it anew).
     *
     * @return whether it changed
     */
    boolean refresh() throws GPUdbException {
        Type current = tables.refresh(id);
        if (current.equals(layout.type())) {
            return false;
        }
        retype(current);
        return true;
    }

    private StructRows planFor(Schema schema) {
        if (schema == lastSchema) {
            return lastPlan;
        }
        StructRows plan = plans.computeIfAbsent(schema, s -> StructRows.plan(layout, s));
        lastSchema = schema;
        lastPlan = plan;
        return plan;
    }

    private MapRows mapRows() {
        if (mapRows == null) {
            mapRows = new MapRows(layout);
        }
        return mapRows;
    }

    private void retype(Type type) {
        boolean keyed = kafkaKey && KafkaKeyColumns.presentIn(type);
        layout = keyed ? TableLayout.of(type, Set.copyOf(KineticaSinkConfig.KAFKA_KEY_COLUMNS)) : TableLayout.of(type);
        keyColumns = keyed ? new int[]{layout.indexOf(KafkaKeyColumns.TOPIC), layout.indexOf(KafkaKeyColumns.PARTITION),
                layout.indexOf(KafkaKeyColumns.OFFSET)} : null;
        plans.clear();
        lastSchema = null;
        lastPlan = null;
        mapRows = null;
    }

    private void warnIgnored(List<String> fields) {
        List<String> fresh = fields.stream().filter(warned::add).toList();
        if (!fresh.isEmpty()) {
            log.warn("Table {} has no column for field(s) {}: their values are not written. Set {}=true and {}=true "
                            + "to add such columns", id, fresh, KineticaSinkConfig.EVOLUTION_ENABLED,
                    KineticaSinkConfig.ADD_NEW_FIELDS);
        }
    }
}

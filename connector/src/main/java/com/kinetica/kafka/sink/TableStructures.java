package com.kinetica.kafka.sink;

import com.gpudb.ColumnProperty;
import com.gpudb.GPUdbException;
import com.gpudb.Type;
import com.kinetica.kafka.config.KineticaSinkConfig;
import com.kinetica.kafka.schema.ColumnSpec;
import com.kinetica.kafka.schema.KafkaKeyColumns;
import com.kinetica.kafka.schema.KineticaTables;
import com.kinetica.kafka.schema.TableId;
import com.kinetica.kafka.schema.TableSpecs;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables the task writes to: found, or created from the first record when table creation
 * is on. With {@code primary_key_mode=kafka} a new table is keyed by the Kafka coordinates, and
 * an existing table must have those columns or a key of its own, since rows of a table with
 * neither would be written twice when Connect delivers a record again.
 */
final class TableStructures {
    private static final Logger log = LoggerFactory.getLogger(TableStructures.class);

    private final KineticaSinkConfig config;
    private final KineticaTables tables;
    private final Map<TableId, TableStructure> open = new HashMap<>();

    TableStructures(KineticaSinkConfig config, KineticaTables tables) {
        this.config = config;
        this.tables = tables;
    }

    /** The table of a record, created from it when missing. */
    TableStructure forRecord(TableId id, Object key, Schema schema, Object value) throws GPUdbException, WriteFailure {
        TableStructure s = open.get(id);
        if (s != null) {
            return s;
        }
        Type type = tables.find(id);
        if (type == null) {
            if (!config.createTable()) {
                throw new WriteFailure(WriteFailure.Kind.TABLE_MISSING, id, "table " + id + " does not exist", null);
            }
            type = tables.create(id, columnsFor(key, schema, value));
        } else if (config.kafkaKey()) {
            checkKafkaKeyed(id, type);
        }
        s = new TableStructure(id, type, tables, config);
        open.put(id, s);
        return s;
    }

    /** The table when it is open already, else null. */
    TableStructure get(TableId id) {
        return open.get(id);
    }

    /** The table tombstones of a topic delete from, or null when it does not exist. */
    TableStructure forDelete(TableId id) throws GPUdbException {
        TableStructure s = open.get(id);
        if (s == null) {
            Type type = tables.find(id);
            if (type == null) {
                return null;
            }
            s = new TableStructure(id, type, tables, config);
            open.put(id, s);
        }
        return s;
    }

    /** Forgets a table that was dropped: the next record creates it again, when creation is on. */
    void forget(TableId id) {
        open.remove(id);
        tables.forget(id);
    }

    private List<ColumnSpec> columnsFor(Object key, Schema schema, Object value) {
        List<String> keys = config.kafkaKey() ? List.of() : primaryKeys(key, schema, value);
        List<ColumnSpec> columns = schema != null ? TableSpecs.fromSchema(schema, keys)
                : TableSpecs.fromMap((Map<?, ?>) value, keys);
        return config.kafkaKey() ? KafkaKeyColumns.appendTo(columns) : columns;
    }

    /** The configured key fields, else the fields of a struct or map record key that the value has. */
    private List<String> primaryKeys(Object key, Schema valueSchema, Object value) {
        List<String> configured = config.primaryKeys();
        if (!configured.isEmpty()) {
            return configured;
        }
        List<String> names = new ArrayList<>();
        if (key instanceof Struct k) {
            k.schema().fields().forEach(f -> names.add(f.name()));
        } else if (key instanceof Map<?, ?> m) {
            m.keySet().forEach(k -> names.add(String.valueOf(k)));
        }
        names.removeIf(n -> valueSchema != null ? valueSchema.field(n) == null : !((Map<?, ?>) value).containsKey(n));
        return names;
    }

    private static void checkKafkaKeyed(TableId id, Type type) {
        if (KafkaKeyColumns.presentIn(type)) {
            return;
        }
        boolean ownKey = type.getColumns().stream().anyMatch(c -> c.hasProperty(ColumnProperty.PRIMARY_KEY));
        if (!ownKey) {
            throw new ConnectException("Table " + id + " exists without a primary key and without the columns "
                    + KineticaSinkConfig.KAFKA_KEY_COLUMNS + " that " + KineticaSinkConfig.PRIMARY_KEY_MODE
                    + "=kafka keys rows by: add them as its primary key, drop the table so the connector creates it, "
                    + "or set " + KineticaSinkConfig.PRIMARY_KEY_MODE + "=record");
        }
        log.info("Table {} has a primary key of its own: it upserts by it, without the Kafka coordinates", id);
    }
}

package com.kinetica.kafka.sink;

import com.gpudb.GPUdbException;
import com.kinetica.kafka.cdc.ChangeEvent;
import com.kinetica.kafka.cdc.ChangeEvent.SourceTable;
import com.kinetica.kafka.schema.TableId;
import org.apache.kafka.connect.data.Schema;

import java.util.HashMap;
import java.util.Map;

/**
 * Which table, and which buffer, a record goes to: named by {@link TableNamer}, found or created
 * by {@link TableStructures}. Consecutive records of one topic and schema skip the lookups.
 */
final class Routes {
    /** A table and the buffer of what waits for it. */
    record Route(TableStructure structure, TableBuffer buffer) {
    }

    private final TableNamer namer;
    private final TableStructures structures;
    private final TaskBuffers buffers;
    /** The table each topic's records went to last: where its tombstones delete from. */
    private final Map<String, TableId> lastTableOfTopic = new HashMap<>();
    /** The table named after each topic alone: where its change events go. */
    private final Map<String, TableId> tableOfTopic = new HashMap<>();
    private String lastTopic;
    private Schema lastSchema;
    private Route last;

    Routes(TableNamer namer, TableStructures structures, TaskBuffers buffers) {
        this.namer = namer;
        this.structures = structures;
        this.buffers = buffers;
    }

    /** The table the naming rules give a value of {@code schema} on {@code topic}. */
    TableId tableOf(String topic, Schema schema) {
        return isLast(topic, schema) ? last.structure().id() : namer.tableFor(topic, schema);
    }

    /**
     * The table a change event goes to: the one its source names (GoldenGate's always; Debezium's
     * when {@code fromSource}), else the one named after the topic alone (schema names say nothing).
     */
    TableId tableOfChange(String topic, ChangeEvent event, boolean fromSource) {
        SourceTable source = fromSource || event.format() == ChangeEvent.Format.GOLDENGATE ? event.source() : null;
        if (source != null) {
            return namer.tableForSource(source.schema(), source.table());
        }
        return tableOfTopic.computeIfAbsent(topic, t -> namer.tableFor(t, null));
    }

    /** The table a record's string key names, by the original connector's rule ({@link TableNamer#tableForName}). */
    TableId tableOfKey(String topic, String key) {
        return namer.tableForName(topic, key);
    }

    /** The table a tombstone of {@code topic} deletes from: that of the topic's last record, when it varies. */
    TableId tombstoneTable(String topic, Schema valueSchema) {
        return namer.tableDependsOnTopicOnly(topic) ? namer.tableFor(topic, null)
                : lastTableOfTopic.getOrDefault(topic, namer.tableFor(topic, valueSchema));
    }

    /** The route to {@code id} ({@link #tableOf}) for a value, creating the table from it when missing. */
    Route forValue(TableId id, String topic, Object key, Schema schema, Object value)
            throws GPUdbException, WriteFailure {
        if (!isLast(topic, schema) || !last.structure().id().equals(id)) {
            last = to(id, key, schema, value);
            lastTableOfTopic.put(topic, id);
            lastTopic = topic;
            lastSchema = schema;
        }
        return last;
    }

    /** The route to {@code id}, creating the table from the value when missing; not cached. */
    Route to(TableId id, Object key, Schema schema, Object value) throws GPUdbException, WriteFailure {
        TableStructure s = structures.forRecord(id, key, schema, value);
        return new Route(s, buffers.getOrCreate(s));
    }

    /** The route to {@code id} when the table exists, else null. */
    Route existing(TableId id) throws GPUdbException {
        if (last != null && last.structure().id().equals(id)) {
            return last;
        }
        TableStructure s = structures.forDelete(id);
        return s == null ? null : new Route(s, buffers.getOrCreate(s));
    }

    /** Forgets a table that is gone or unknown: the next record finds or creates it again. */
    void forget(TableId id) {
        structures.forget(id);
        last = null;
    }

    private boolean isLast(String topic, Schema schema) {
        return last != null && schema == lastSchema && topic.equals(lastTopic);
    }
}

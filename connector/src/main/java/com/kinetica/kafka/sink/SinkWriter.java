package com.kinetica.kafka.sink;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gpudb.GPUdb;
import com.gpudb.GPUdbException;
import com.gpudb.GenericRecord;
import com.gpudb.Type;
import com.gpudb.WorkerList;
import com.gpudb.protocol.InsertRecordsRequest;
import com.kinetica.kafka.client.Failures;
import com.kinetica.kafka.config.KineticaSinkConfig;
import com.kinetica.kafka.schema.KineticaTables;
import com.kinetica.kafka.schema.TableId;
import com.kinetica.kafka.schema.TableSpecs;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Routes records to per-table buffers, creating tables as needed, and writes the buffers.
 * Kinetica failures surface as {@link GPUdbException}; the task decides about retries.
 * Records that can never be written go to {@link ErrantRecords}.
 */
public final class SinkWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SinkWriter.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final KineticaSinkConfig config;
    private final GPUdb gpudb;
    private final WorkerList workers;
    private final ErrantRecords errant;
    private final KineticaTables tables;
    private final TableNamer namer;
    private final Evolution evolution;
    private final Map<String, String> insertOptions;
    private final AcceptedOffsets accepted = new AcceptedOffsets();

    private final Map<TableId, TableWriter> writers = new LinkedHashMap<>();
    private final Map<String, TableId> lastTableOfTopic = new HashMap<>();
    private String routeTopic;
    private Schema routeSchema;
    private TableWriter routeWriter;
    private boolean lastAttempt;

    public SinkWriter(KineticaSinkConfig config, GPUdb gpudb, WorkerList workers, ErrantRecords errant) {
        this.config = config;
        this.gpudb = gpudb;
        this.workers = workers;
        this.errant = errant;
        this.tables = new KineticaTables(gpudb);
        this.namer = new TableNamer(config);
        this.evolution = new Evolution(config, tables);
        // upsert, or keep the row already there: either way a redelivered record is no error
        this.insertOptions = config.updateOnExistingPk()
                ? Map.of(InsertRecordsRequest.Options.UPDATE_ON_EXISTING_PK, InsertRecordsRequest.Options.TRUE)
                : Map.of(InsertRecordsRequest.Options.IGNORE_EXISTING_PK, InsertRecordsRequest.Options.TRUE);
    }

    /**
     * Takes in a batch: converts each record once and buffers it with its table. Records taken
     * in by an earlier, failed call with the same records are skipped.
     */
    public void put(Collection<SinkRecord> records) throws GPUdbException {
        for (SinkRecord record : records) {
            if (accepted.isNew(record)) {
                accept(record);
                accepted.taken(record);
            }
        }
    }

    /** On the last attempt, tables whose writes Kinetica keeps refusing are written row by row. */
    public void lastAttempt(boolean lastAttempt) {
        this.lastAttempt = lastAttempt;
    }

    /** Whether any record is buffered and not yet written. */
    public boolean hasBuffered() {
        return writers.values().stream().anyMatch(w -> w.hasRows() || w.hasDeletes());
    }

    /** Writes the tables whose buffers reached the batch size. */
    public void writeFull() throws GPUdbException {
        write(true);
    }

    /** Writes everything buffered; when it returns, Kinetica has acknowledged every record taken in. */
    public void writeAll() throws GPUdbException {
        write(false);
    }

    /** Forgets buffered records of partitions this task no longer owns. */
    public void discard(Collection<TopicPartition> partitions) {
        Set<TopicPartition> set = new HashSet<>(partitions);
        writers.values().forEach(w -> w.discard(set));
        accepted.forget(partitions);
    }

    private void write(boolean onlyFull) throws GPUdbException {
        for (TableWriter w : writers.values()) {
            if (!(w.hasRows() || w.hasDeletes()) || (onlyFull && !w.isFull())) {
                continue;
            }
            try {
                w.write();
            } catch (GPUdbException e) {
                if (Failures.isConnectionFailure(e)) {
                    throw new GPUdbException("writing to table " + w.id() + " failed: " + Failures.summary(e), e);
                }
                if (refitToCurrentTable(w)) {
                    w.write();
                    continue;
                }
                if (!lastAttempt) {
                    throw new GPUdbException("writing to table " + w.id() + " failed: " + Failures.summary(e), e);
                }
                log.warn("Kinetica keeps refusing writes to {} ({}); writing its rows one by one to find the bad ones",
                        w.id(), Failures.summary(e));
                w.writeOneByOne(errant);
            }
        }
    }

    private void accept(SinkRecord record) throws GPUdbException {
        if (record.value() == null) {
            if (config.deleteOnTombstone()) {
                tombstone(record);
            }
            return;
        }
        TableWriter w = null;
        try {
            Schema schema = schemaOf(record);
            Object value = schema == null ? asMap(record.value()) : record.value();
            w = writerFor(record, schema, value);
            w.addRow(toRow(w, schema, value), record);
        } catch (DataException e) {
            errant.report(record, w == null ? null : w.id(), e);
        }
    }

    private static Schema schemaOf(SinkRecord record) {
        Schema schema = record.valueSchema();
        if (schema == null && record.value() instanceof Struct s) {
            return s.schema();
        }
        if (schema != null && !(record.value() instanceof Struct)) {
            throw new DataException("the value is a " + schema.type() + ", not a struct, map or JSON object");
        }
        return schema;
    }

    private GenericRecord toRow(TableWriter w, Schema schema, Object value) throws GPUdbException {
        return schema == null ? evolution.convertMap(w, (Map<?, ?>) value)
                : evolution.planFor(w, schema).convert((Struct) value);
    }

    /**
     * After Kinetica refused a write: when the table changed under the task (altered or made
     * again by someone else), converts the buffered records again for the table as it is now.
     *
     * @return whether the table had changed
     */
    private boolean refitToCurrentTable(TableWriter w) throws GPUdbException {
        Type current;
        try {
            current = tables.refresh(w.id());
        } catch (GPUdbException e) {
            if (Failures.isConnectionFailure(e)) {
                throw e;
            }
            return false;
        }
        if (current.equals(w.layout().type())) {
            return false;
        }
        log.info("Table {} changed outside this task; converting its {} buffered records again", w.id(),
                w.bufferedRows());
        List<SinkRecord> sources = w.takeRows();
        w.retype(current);
        for (SinkRecord record : sources) {
            try {
                Schema schema = schemaOf(record);
                w.addRow(toRow(w, schema, schema == null ? asMap(record.value()) : record.value()), record);
            } catch (DataException e) {
                errant.report(record, w.id(), e);
            }
        }
        return true;
    }

    private TableWriter writerFor(SinkRecord record, Schema schema, Object value) throws GPUdbException {
        String topic = record.topic();
        if (routeWriter != null && schema == routeSchema && topic.equals(routeTopic)) {
            return routeWriter;
        }
        TableId id = namer.tableFor(topic, schema);
        TableWriter w = writers.get(id);
        if (w == null) {
            w = open(id, record, schema, value);
            writers.put(id, w);
        }
        lastTableOfTopic.put(topic, id);
        routeTopic = topic;
        routeSchema = schema;
        routeWriter = w;
        return w;
    }

    private TableWriter open(TableId id, SinkRecord record, Schema schema, Object value) throws GPUdbException {
        Type type = tables.find(id);
        if (type == null) {
            if (!config.createTable()) {
                throw new DataException("table " + id + " does not exist and " + KineticaSinkConfig.CREATE_TABLE
                        + " is false; create the table or turn table creation on");
            }
            List<String> keys = primaryKeys(record.key(), schema, value);
            type = tables.create(id, schema != null ? TableSpecs.fromSchema(schema, keys)
                    : TableSpecs.fromMap((Map<?, ?>) value, keys));
        }
        return new TableWriter(id, type, gpudb, workers, config.batchSize(), insertOptions);
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

    private void tombstone(SinkRecord record) throws GPUdbException {
        String topic = record.topic();
        TableId id = namer.tableDependsOnTopicOnly(topic) ? namer.tableFor(topic, null)
                : lastTableOfTopic.getOrDefault(topic, namer.tableFor(topic, record.valueSchema()));
        TableWriter w = writers.get(id);
        if (w == null) {
            Type type = tables.find(id);
            if (type == null) {
                log.debug("Tombstone for missing table {}: nothing to delete", id);
                return;
            }
            w = new TableWriter(id, type, gpudb, workers, config.batchSize(), insertOptions);
            writers.put(id, w);
        }
        String expression;
        try {
            expression = DeleteExpressions.forKey(DeleteExpressions.primaryKeyColumns(w.layout().type()),
                    record.key());
        } catch (DataException e) {
            errant.report(record, id, e);
            return;
        }
        w.addDelete(expression, record);
    }

    private static Map<?, ?> asMap(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        if (value instanceof String || value instanceof byte[]) {
            try {
                return value instanceof String s ? JSON.readValue(s, MAP) : JSON.readValue((byte[]) value, MAP);
            } catch (IOException e) {
                throw new DataException("the value is not a JSON object: " + Failures.summary(e));
            }
        }
        throw new DataException("a value without schema must be a map or a JSON object, not a "
                + value.getClass().getSimpleName());
    }

    @Override
    public void close() {
        writers.values().forEach(TableWriter::close);
        writers.clear();
    }
}

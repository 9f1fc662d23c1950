package com.kinetica.kafka.sink;

import com.gpudb.BulkInserter;
import com.gpudb.GPUdb;
import com.gpudb.GPUdbException;
import com.gpudb.GenericRecord;
import com.gpudb.Type;
import com.gpudb.WorkerList;
import com.kinetica.kafka.client.Failures;
import com.kinetica.kafka.convert.MapRows;
import com.kinetica.kafka.convert.StructRows;
import com.kinetica.kafka.convert.TableLayout;
import com.kinetica.kafka.schema.TableId;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The buffer of one table: converted rows (with the records they came from, for error
 * reports) or pending deletes, and the BulkInserter that writes them. Rows and deletes never
 * wait together, so they reach Kinetica in record order.
 */
final class TableWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TableWriter.class);

    private final TableId id;
    private final GPUdb gpudb;
    private final WorkerList workers;
    private final int batchSize;
    private final Map<String, String> insertOptions;

    private TableLayout layout;
    private BulkInserter<GenericRecord> inserter;
    private final Map<Schema, StructRows> plans = new IdentityHashMap<>();
    private Schema lastSchema;
    private StructRows lastPlan;
    private MapRows mapRows;

    private final List<GenericRecord> rows = new ArrayList<>();
    private final List<SinkRecord> rowSources = new ArrayList<>();
    private final List<String> deletes = new ArrayList<>();
    private final List<SinkRecord> deleteSources = new ArrayList<>();

    TableWriter(TableId id, Type type, GPUdb gpudb, WorkerList workers, int batchSize,
                Map<String, String> insertOptions) {
        this.id = id;
        this.gpudb = gpudb;
        this.workers = workers;
        this.batchSize = batchSize;
        this.insertOptions = insertOptions;
        this.layout = TableLayout.of(type);
    }

    TableId id() {
        return id;
    }

    TableLayout layout() {
        return layout;
    }

    /** The conversion plan for structs of {@code schema}; {@code null} until {@link #plan} made one. */
    StructRows cachedPlan(Schema schema) {
        if (schema == lastSchema) {
            return lastPlan;
        }
        StructRows plan = plans.get(schema);
        if (plan != null) {
            lastSchema = schema;
            lastPlan = plan;
        }
        return plan;
    }

    StructRows plan(Schema schema) {
        StructRows plan = StructRows.plan(layout, schema);
        plans.put(schema, plan);
        lastSchema = schema;
        lastPlan = plan;
        return plan;
    }

    MapRows mapRows() {
        if (mapRows == null) {
            mapRows = new MapRows(layout);
        }
        return mapRows;
    }

    /** The table changed (evolution): rows already buffered must be written before this. */
    void retype(Type type) {
        if (!rows.isEmpty()) {
            throw new IllegalStateException("rows of table " + id + " must be written before it is altered");
        }
        layout = TableLayout.of(type);
        plans.clear();
        lastSchema = null;
        lastPlan = null;
        mapRows = null;
        closeInserter();
    }

    int bufferedRows() {
        return rows.size();
    }

    /** Removes the buffered rows and returns the records they came from, in order. */
    List<SinkRecord> takeRows() {
        List<SinkRecord> sources = new ArrayList<>(rowSources);
        rows.clear();
        rowSources.clear();
        return sources;
    }

    boolean hasRows() {
        return !rows.isEmpty();
    }

    boolean hasDeletes() {
        return !deletes.isEmpty();
    }

    boolean isFull() {
        return rows.size() >= batchSize || deletes.size() >= batchSize;
    }

    void addRow(GenericRecord row, SinkRecord source) throws GPUdbException {
        if (!deletes.isEmpty()) {
            writeDeletes();
        }
        rows.add(row);
        rowSources.add(source);
    }

    void addDelete(String expression, SinkRecord source) throws GPUdbException {
        if (!rows.isEmpty()) {
            writeRows();
        }
        deletes.add(expression);
        deleteSources.add(source);
    }

    /** Writes what is buffered; on failure everything stays buffered for the next attempt. */
    void write() throws GPUdbException {
        if (!rows.isEmpty()) {
            writeRows();
        }
        if (!deletes.isEmpty()) {
            writeDeletes();
        }
    }

    private void writeRows() throws GPUdbException {
        try {
            BulkInserter<GenericRecord> bi = inserter();
            bi.insert(rows);
            bi.flush();
        } catch (GPUdbException e) {
            // a fresh inserter next time: nothing half-queued from this attempt is sent twice
            closeInserter();
            throw e;
        }
        if (log.isDebugEnabled()) {
            log.debug("Wrote {} rows to {}", rows.size(), id);
        }
        rows.clear();
        rowSources.clear();
    }

    private void writeDeletes() throws GPUdbException {
        gpudb.deleteRecords(id.qualified(), deletes, Map.of());
        deletes.clear();
        deleteSources.clear();
    }

    /**
     * Last resort after repeated errors from Kinetica: writes the buffered rows one by one so
     * that only the rows Kinetica rejects go to error handling. A connection failure stops it,
     * keeping the rows not written yet.
     */
    void writeOneByOne(ErrantRecords errant) throws GPUdbException {
        int done = 0;
        try {
            for (; done < rows.size(); done++) {
                try {
                    gpudb.insertRecords(id.qualified(), List.of(rows.get(done)), insertOptions);
                } catch (GPUdbException e) {
                    if (Failures.isConnectionFailure(e)) {
                        throw e;
                    }
                    errant.report(rowSources.get(done), id,
                            new GPUdbException("Kinetica rejected it: " + Failures.summary(e), e));
                }
            }
        } finally {
            rows.subList(0, done).clear();
            rowSources.subList(0, done).clear();
        }
        done = 0;
        try {
            for (; done < deletes.size(); done++) {
                try {
                    gpudb.deleteRecords(id.qualified(), List.of(deletes.get(done)), Map.of());
                } catch (GPUdbException e) {
                    if (Failures.isConnectionFailure(e)) {
                        throw e;
                    }
                    errant.report(deleteSources.get(done), id, new GPUdbException("Kinetica rejected the delete "
                            + deletes.get(done) + ": " + Failures.summary(e), e));
                }
            }
        } finally {
            deletes.subList(0, done).clear();
            deleteSources.subList(0, done).clear();
        }
    }

    /** Drops buffered work of partitions this task no longer owns. */
    void discard(Set<TopicPartition> partitions) {
        discard(rows, rowSources, partitions);
        discard(deletes, deleteSources, partitions);
    }

    private static <T> void discard(List<T> items, List<SinkRecord> sources, Set<TopicPartition> partitions) {
        for (int i = items.size() - 1; i >= 0; i--) {
            SinkRecord r = sources.get(i);
            if (partitions.contains(new TopicPartition(r.originalTopic(), r.originalKafkaPartition()))) {
                items.remove(i);
                sources.remove(i);
            }
        }
    }

    private BulkInserter<GenericRecord> inserter() throws GPUdbException {
        if (inserter == null) {
            inserter = new BulkInserter<>(gpudb, id.qualified(), layout.type(), batchSize, insertOptions, workers);
        }
        return inserter;
    }

    private void closeInserter() {
        if (inserter != null) {
            try {
                inserter.close();
            } catch (Exception e) {
                log.debug("Closing the inserter of {} failed: {}", id, Failures.summary(e));
            }
            inserter = null;
        }
    }

    @Override
    public void close() {
        closeInserter();
    }
}

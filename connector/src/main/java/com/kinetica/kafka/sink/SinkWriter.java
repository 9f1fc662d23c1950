package com.kinetica.kafka.sink;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gpudb.GPUdb;
import com.gpudb.GPUdbException;
import com.gpudb.WorkerList;
import com.gpudb.protocol.InsertRecordsRequest;
import com.kinetica.kafka.client.Failures;
import com.kinetica.kafka.config.KineticaSinkConfig;
import com.kinetica.kafka.schema.KineticaTables;
import com.kinetica.kafka.schema.TableId;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sink's write path, one way through: a record is routed to its table ({@link TableNamer}),
 * the table is found, created or changed for it ({@link TableStructures}), its row is buffered
 * ({@link TableBuffer}) and buffers are written ({@link Flusher}). Failures come back as
 * {@link WriteFailure}s for the task to retry or fail on; records that can never be written go
 * to {@link ErrantRecords}.
 */
public final class SinkWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SinkWriter.class);
    /** Integral JSON numbers as longs, as JsonConverter gives them: the same value, the same column type. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    /** Rounds of writing one buffer: the table may have changed, been dropped, or hold a bad record. */
    private static final int FLUSH_ROUNDS = 4;

    private final KineticaSinkConfig config;
    private final ErrantRecords errant;
    private final TableNamer namer;
    private final TableStructures structures;
    private final Diagnosis diagnosis;
    private final Flusher flusher;
    private final BackgroundWrite background;
    private final TakenRecords taken = new TakenRecords();
    /** False when a transform may have renamed topics on a worker that does not say where records came from. */
    private final boolean originsKnown;

    private final Map<TableId, TableBuffer> buffers = new LinkedHashMap<>();
    private final Map<String, TableId> lastTableOfTopic = new HashMap<>();
    /** The last route taken: consecutive records of one topic and schema skip the lookups. */
    private String routeTopic;
    private Schema routeSchema;
    private TableStructure routeStructure;
    private TableBuffer routeBuffer;

    /**
     * @param originsKnown whether each record's partition, as this worker gives it, is the one it
     *                     was read from ({@link Coordinates}); when not, offsets are committed only
     *                     once every buffered record is written
     */
    public SinkWriter(KineticaSinkConfig config, GPUdb gpudb, WorkerList workers, ErrantRecords errant,
                      boolean originsKnown) {
        this.config = config;
        this.originsKnown = originsKnown;
        this.errant = errant;
        this.namer = new TableNamer(config);
        this.structures = new TableStructures(config, new KineticaTables(gpudb));
        this.diagnosis = new Diagnosis(gpudb);
        // upsert, or keep the row already there: either way a redelivered record is no error
        Map<String, String> insertOptions = config.updateOnExistingPk()
                ? Map.of(InsertRecordsRequest.Options.UPDATE_ON_EXISTING_PK, InsertRecordsRequest.Options.TRUE)
                : Map.of(InsertRecordsRequest.Options.IGNORE_EXISTING_PK, InsertRecordsRequest.Options.TRUE);
        this.flusher = new Flusher(gpudb, workers, config.batchSize(), insertOptions, errant);
        this.background = new BackgroundWrite(flusher, "kinetica-sink-writer");
    }

    /**
     * Takes in a batch: converts each record once and buffers it with its table. Records taken
     * in by an earlier, failed call with the same records are skipped.
     */
    public void put(Collection<SinkRecord> records) throws WriteFailure {
        for (SinkRecord record : records) {
            if (taken.isNew(record)) {
                accept(record);
                taken.taken(record);
            }
        }
    }

    /** The last put went through: Connect hands none of its records again. */
    public void delivered() {
        taken.clear();
    }

    /** Whether any record is buffered or being written, and not yet acknowledged. */
    public boolean hasBuffered() {
        return background.busy() || buffers.values().stream().anyMatch(b -> !b.isEmpty());
    }

    /**
     * Starts writing, in the background, each batch that is full, one after the other: the task
     * converts the next records meanwhile. Failures of a background batch surface here or in the
     * next call, and are handled as those of any write.
     */
    public void flushFull() throws WriteFailure {
        startBackground(config.batchSize());
    }

    /** Starts writing, in the background, every buffer that holds records, full or not. */
    public void flushAllInBackground() throws WriteFailure {
        startBackground(1);
    }

    private void startBackground(int atLeast) throws WriteFailure {
        for (TableBuffer b : List.copyOf(buffers.values())) {
            while (b.size() >= atLeast) {
                settleBackground(); // may have written b itself, when its last batch failed
                if (b.size() >= atLeast) {
                    background.start(b, Math.min(b.size(), config.batchSize()));
                }
            }
        }
    }

    /**
     * Writes everything buffered. A table that fails does not keep the others from being written;
     * the first failure is thrown at the end. An unreachable server stops it at once.
     */
    public void flushAll() throws WriteFailure {
        settleBackground();
        WriteFailure first = null;
        for (TableBuffer b : List.copyOf(buffers.values())) {
            if (b.isEmpty()) {
                continue;
            }
            try {
                flush(b);
            } catch (WriteFailure f) {
                if (f.kind() == WriteFailure.Kind.UNREACHABLE || f.kind() == WriteFailure.Kind.UNAUTHORIZED) {
                    throw f;
                }
                first = first == null ? f : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Waits for the batch in the background; when it failed, writes its table here, where failures are decided. */
    private void settleBackground() throws WriteFailure {
        WriteFailure failed = background.await();
        if (failed != null) {
            flush(buffers.get(failed.table()));
        }
    }

    /**
     * The offsets to commit: per partition, those the worker consumed, lowered to the first record
     * still buffered. A partition whose records are all in Kinetica commits whatever other
     * tables or partitions are doing. While a record is unwritten whose partition cannot be named
     * (a transform renamed its topic on a worker before 3.6), nothing is committed: it may come
     * from any partition.
     */
    public Map<TopicPartition, OffsetAndMetadata> committable(Map<TopicPartition, OffsetAndMetadata> consumed,
                                                              Set<TopicPartition> assigned) {
        Map<TopicPartition, Long> firstUnwritten = new HashMap<>();
        buffers.values().forEach(b -> b.firstOffsets(firstUnwritten));
        background.firstOffsets(firstUnwritten);
        if (!firstUnwritten.isEmpty() && !(originsKnown && assigned.containsAll(firstUnwritten.keySet()))) {
            return Map.of();
        }
        Map<TopicPartition, OffsetAndMetadata> committable = new HashMap<>(consumed);
        firstUnwritten.forEach((tp, offset) -> committable.computeIfPresent(tp,
                (p, c) -> offset < c.offset() ? new OffsetAndMetadata(offset, c.metadata()) : c));
        return committable;
    }

    /**
     * Forgets buffered records of partitions this task no longer owns: their new owner reads them
     * again from the last commit, which is not past them. Records whose partition cannot be named
     * are forgotten only when every partition goes; when some stay, they are kept and written, at
     * least once: the new owner of their partition may write them too.
     */
    public void discard(Collection<TopicPartition> revoked, Set<TopicPartition> assigned) {
        background.await(); // a failed batch is back in its buffer, to be dropped or kept below
        Set<TopicPartition> gone = new HashSet<>(revoked);
        boolean all = gone.containsAll(assigned);
        buffers.values().forEach(b -> b.discard(tp -> all || originsKnown && gone.contains(tp)));
    }

    /**
     * Writes one buffer: in batches, and when Kinetica refuses a batch, first checks whether the
     * table changed or was dropped (then converts the records again for the table as it is), else
     * writes the records one by one so that only those Kinetica refuses go to error handling.
     */
    private void flush(TableBuffer b) throws WriteFailure {
        settleBackground(); // a batch of this table may be in flight: it goes first
        Flusher.Mode mode = Flusher.Mode.BATCH;
        for (int round = 1; ; round++) {
            try {
                flusher.write(b, mode);
                return;
            } catch (WriteFailure f) {
                if (round == FLUSH_ROUNDS) {
                    throw f;
                }
                switch (f.kind()) {
                    case REFUSED -> {
                        if (!refitIfChanged(b)) {
                            log.warn("Kinetica refused a batch for {} ({}); writing its {} records one by one to find "
                                    + "the ones it refuses", b.id(), f.getMessage(), b.size());
                            mode = Flusher.Mode.ONE_BY_ONE;
                        }
                    }
                    case TABLE_MISSING -> recreate(b, f);
                    default -> throw f;
                }
            }
        }
    }

    private boolean refitIfChanged(TableBuffer b) throws WriteFailure {
        TableStructure s = structures.get(b.id());
        try {
            if (s == null || !s.refresh()) {
                return false;
            }
        } catch (GPUdbException e) {
            throw diagnosis.of(b.id(), e);
        }
        log.info("Table {} changed outside this task; converting its {} buffered records again", b.id(), b.size());
        refit(b, s);
        return true;
    }

    /** The table was dropped while records waited for it: made again when creation is on, else the task fails. */
    private void recreate(TableBuffer b, WriteFailure f) throws WriteFailure {
        if (!config.createTable()) {
            throw f;
        }
        forget(b.id());
        SinkRecord firstRow = null;
        for (int i = 0; i < b.size() && firstRow == null; i++) {
            firstRow = b.source(i).value() != null ? b.source(i) : null;
        }
        if (firstRow == null) {
            b.dropFirst(b.size()); // only deletes: the rows they name are gone with the table
            return;
        }
        log.warn("Table {} is gone; creating it again for its {} buffered records", b.id(), b.size());
        try {
            Schema schema = schemaOf(firstRow);
            Object value = schema == null ? asMap(firstRow.value()) : firstRow.value();
            refit(b, structures.forRecord(b.id(), firstRow.key(), schema, value));
        } catch (GPUdbException e) {
            throw diagnosis.of(b.id(), e);
        }
    }

    /** Converts the buffer's records again, for the table as it is now. */
    private void refit(TableBuffer b, TableStructure s) {
        for (SinkRecord record : b.takeForRetype(s.type())) {
            try {
                if (record.value() == null) {
                    b.addDelete(DeleteExpressions.forKey(DeleteExpressions.primaryKeyColumns(s.type()), record.key()),
                            record);
                } else {
                    Schema schema = schemaOf(record);
                    b.addRow(s.convert(schema, schema == null ? asMap(record.value()) : record.value(), record), record);
                }
            } catch (DataException e) {
                errant.report(record, b.id(), e);
            }
        }
    }

    private void accept(SinkRecord record) throws WriteFailure {
        if (record.value() == null) {
            if (config.deleteOnTombstone()) {
                tombstone(record);
            }
            return;
        }
        TableId id = null;
        try {
            Schema schema = schemaOf(record);
            Object value = schema == null ? asMap(record.value()) : record.value();
            TableStructure s;
            TableBuffer b;
            if (routeBuffer != null && schema == routeSchema && record.topic().equals(routeTopic)) {
                s = routeStructure;
                b = routeBuffer;
            } else {
                id = namer.tableFor(record.topic(), schema);
                lastTableOfTopic.put(record.topic(), id);
                s = structures.forRecord(id, record.key(), schema, value);
                b = bufferOf(s);
                routeTopic = record.topic();
                routeSchema = schema;
                routeStructure = s;
                routeBuffer = b;
            }
            id = s.id();
            if (s.needsChange(schema, value)) {
                flush(b); // rows of the table's present shape go first
                s.change(schema, value);
                b.takeForRetype(s.type());
            }
            b.addRow(s.convert(schema, value, record), record);
        } catch (DataException e) {
            errant.report(record, id, e);
        } catch (GPUdbException e) {
            WriteFailure f = diagnosis.of(id, e);
            if (f.kind() != WriteFailure.Kind.REFUSED) {
                forget(id);
                throw f;
            }
            errant.report(record, id, new DataException("Kinetica refused to create or alter the table for it: "
                    + Failures.summary(e), e));
        }
    }

    /** Forgets a table that is gone or unknown: the next record finds or creates it again. */
    private void forget(TableId id) {
        structures.forget(id);
        routeBuffer = null;
    }

    private TableBuffer bufferOf(TableStructure s) {
        TableBuffer b = buffers.get(s.id());
        if (b == null) {
            b = new TableBuffer(s.id(), s.type());
            buffers.put(s.id(), b);
        }
        return b;
    }

    private void tombstone(SinkRecord record) throws WriteFailure {
        String topic = record.topic();
        TableId id = namer.tableDependsOnTopicOnly(topic) ? namer.tableFor(topic, null)
                : lastTableOfTopic.getOrDefault(topic, namer.tableFor(topic, record.valueSchema()));
        TableStructure s;
        try {
            s = structures.forDelete(id);
        } catch (GPUdbException e) {
            throw diagnosis.of(id, e);
        }
        if (s == null) {
            log.debug("Tombstone for missing table {}: nothing to delete", id);
            return;
        }
        try {
            String expression = DeleteExpressions.forKey(DeleteExpressions.primaryKeyColumns(s.type()), record.key());
            bufferOf(s).addDelete(expression, record);
        } catch (DataException e) {
            errant.report(record, id, e);
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
        background.close();
        flusher.close();
    }
}

package com.kinetica.kafka.sink;

import com.gpudb.GPUdb;
import com.gpudb.GPUdbException;
import com.gpudb.WorkerList;
import com.gpudb.protocol.InsertRecordsRequest;
import com.kinetica.kafka.client.Failures;
import com.kinetica.kafka.config.BufferCaps;
import com.kinetica.kafka.config.KineticaSinkConfig;
import com.kinetica.kafka.schema.KineticaTables;
import com.kinetica.kafka.schema.TableId;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.HashMap;
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
    private final TaskBuffers buffers;

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
        this.errant = errant;
        this.namer = new TableNamer(config);
        this.structures = new TableStructures(config, new KineticaTables(gpudb));
        this.diagnosis = new Diagnosis(gpudb);
        // upsert, or keep the row already there: either way a redelivered record is no error
        Map<String, String> insertOptions = config.updateOnExistingPk()
                ? Map.of(InsertRecordsRequest.Options.UPDATE_ON_EXISTING_PK, InsertRecordsRequest.Options.TRUE)
                : Map.of(InsertRecordsRequest.Options.IGNORE_EXISTING_PK, InsertRecordsRequest.Options.TRUE);
        this.flusher = new Flusher(gpudb, config.connection(), workers, config.batchSize(), insertOptions, errant);
        this.background = new BackgroundWrite(flusher, "kinetica-sink-writer");
        this.buffers = new TaskBuffers(background, originsKnown);
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
        return buffers.any();
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
        for (TableBuffer b : buffers.all()) {
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
        flushAll(Long.MAX_VALUE);
    }

    /**
     * Writes everything buffered, or what it can until {@code deadline} ({@link System#nanoTime}):
     * a table begun is written whole, the rest waits for the next call.
     */
    public void flushAll(long deadline) throws WriteFailure {
        settleBackground();
        WriteFailure first = null;
        for (TableBuffer b : buffers.all()) {
            if (b.isEmpty()) {
                continue;
            }
            if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0) {
                break;
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

    /** Records held across all tables, the batch being written included. */
    public long bufferedRecords() {
        return buffers.records();
    }

    /** Bytes of rows held across all tables, as the caps count them. */
    public long bufferedBytes() {
        return buffers.bytes();
    }

    /**
     * Writes the fullest tables, each whole, until the task holds at most half of each cap or
     * {@code deadline} ({@link System#nanoTime}) passes.
     */
    public void relieve(BufferCaps caps, long deadline) throws WriteFailure {
        settleBackground();
        while (!caps.halfFree(buffers.records(), buffers.bytes()) && System.nanoTime() - deadline < 0) {
            TableBuffer fullest = buffers.fullest();
            if (fullest == null) {
                return;
            }
            flush(fullest);
        }
    }

    /** Waits for the batch in the background; when it failed, writes its table here, where failures are decided. */
    private void settleBackground() throws WriteFailure {
        WriteFailure failed = background.await();
        if (failed != null) {
            flush(buffers.get(failed.table()));
        }
    }

    /** The offsets to commit: see {@link TaskBuffers#committable}. */
    public Map<TopicPartition, OffsetAndMetadata> committable(Map<TopicPartition, OffsetAndMetadata> consumed,
                                                              Set<TopicPartition> assigned) {
        return buffers.committable(consumed, assigned);
    }

    /** Forgets what came from revoked partitions: see {@link TaskBuffers#discard}. */
    public void discard(Collection<TopicPartition> revoked, Set<TopicPartition> assigned) {
        background.await(); // a failed batch is back in its buffer, to be dropped or kept
        buffers.discard(revoked, assigned);
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
            RecordValue v = RecordValue.of(firstRow);
            refit(b, structures.forRecord(b.id(), firstRow.key(), v.schema(), v.value()));
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
                    RecordValue v = RecordValue.of(record);
                    b.addRow(s.convert(v.schema(), v.value(), record), record);
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
            RecordValue v = RecordValue.of(record);
            Schema schema = v.schema();
            Object value = v.value();
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
        return buffers.getOrCreate(s);
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

    @Override
    public void close() {
        background.close();
        flusher.close();
    }
}

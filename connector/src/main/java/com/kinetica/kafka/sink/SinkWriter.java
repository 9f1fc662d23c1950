package com.kinetica.kafka.sink;

import com.gpudb.GPUdb;
import com.gpudb.GPUdbException;
import com.gpudb.WorkerList;
import com.gpudb.protocol.InsertRecordsRequest;
import com.kinetica.kafka.config.BufferCaps;
import com.kinetica.kafka.config.KineticaSinkConfig;
import com.kinetica.kafka.schema.KineticaTables;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The sink's write path, one way through: a record is turned into a write ({@link RecordWrites})
 * for its table ({@link Routes}), buffered with the table ({@link TableBuffer}), and buffers are
 * written ({@link Flusher}), full ones in the background ({@link BackgroundWrite}). Failures come back as
 * {@link WriteFailure}s for the task to retry or fail on; records that can never be written go
 * to {@link ErrantRecords}.
 */
public final class SinkWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SinkWriter.class);
    /** Rounds of writing one buffer: the table may have changed, been dropped, or hold a bad record. */
    private static final int FLUSH_ROUNDS = 4;

    private final KineticaSinkConfig config;
    private final TableStructures structures;
    private final Diagnosis diagnosis;
    private final Flusher flusher;
    private final BackgroundWrite background;
    private final TakenRecords taken = new TakenRecords();
    private final TaskBuffers buffers;
    private final Routes routes;
    private final RecordWrites writes;

    /**
     * @param originsKnown whether each record's partition, as this worker gives it, is the one it
     *                     was read from ({@link Coordinates}); when not, offsets are committed only
     *                     once every buffered record is written
     */
    public SinkWriter(KineticaSinkConfig config, GPUdb gpudb, WorkerList workers, ErrantRecords errant,
                      boolean originsKnown) {
        this.config = config;
        this.structures = new TableStructures(config, new KineticaTables(gpudb));
        this.diagnosis = new Diagnosis(gpudb);
        // upsert, or keep the row already there: either way a redelivered record is no error
        Map<String, String> insertOptions = config.updateOnExistingPk() ? Flusher.UPSERT
                : Map.of(InsertRecordsRequest.Options.IGNORE_EXISTING_PK, InsertRecordsRequest.Options.TRUE);
        this.flusher = new Flusher(gpudb, config.connection(), workers, config.batchSize(), insertOptions, errant);
        this.background = new BackgroundWrite(flusher, "kinetica-sink-writer");
        this.buffers = new TaskBuffers(background, originsKnown);
        this.routes = new Routes(new TableNamer(config), structures, buffers);
        this.writes = new RecordWrites(config, routes, errant, diagnosis, this::flush);
    }

    /**
     * Takes in a batch: converts each record once and buffers it with its table. Records taken
     * in by an earlier, failed call with the same records are skipped.
     */
    public void put(Collection<SinkRecord> records) throws WriteFailure {
        taken.begin();
        for (SinkRecord record : records) {
            if (taken.isNew(record)) {
                writes.accept(record);
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
        writes.refit(b, s);
        return true;
    }

    /** The table was dropped while records waited for it: made again when creation is on, else the task fails. */
    private void recreate(TableBuffer b, WriteFailure f) throws WriteFailure {
        if (!config.createTable()) {
            throw f;
        }
        routes.forget(b.id());
        writes.recreate(b);
    }

    @Override
    public void close() {
        background.close();
        flusher.close();
    }
}

package com.kinetica.kafka.sink;

import com.gpudb.BulkInserter;
import com.gpudb.GPUdb;
import com.gpudb.GPUdbException;
import com.gpudb.GenericRecord;
import com.gpudb.Type;
import com.gpudb.WorkerList;
import com.gpudb.protocol.DeleteRecordsRequest;
import com.gpudb.protocol.InsertRecordsRequest;
import com.gpudb.protocol.RawInsertRecordsRequest;
import com.kinetica.kafka.client.Failures;
import com.kinetica.kafka.client.HungCalls;
import com.kinetica.kafka.client.KineticaClients;
import com.kinetica.kafka.config.ConnectionSettings;
import com.kinetica.kafka.convert.RowEncoder;
import com.kinetica.kafka.schema.TableId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends table buffers to Kinetica. The one place that decides which records are bad: in
 * {@link Mode#ONE_BY_ONE} a record goes to error handling only when Kinetica refused it twice
 * and, both times, answered a plain question about the table right after ({@link Diagnosis}).
 * An outage or a server-wide error is never blamed on a record.
 */
final class Flusher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Flusher.class);

    /** Insert options that replace the row of an existing key: change events' rows always do. */
    static final Map<String, String> UPSERT = Map.of(InsertRecordsRequest.Options.UPDATE_ON_EXISTING_PK,
            InsertRecordsRequest.Options.TRUE);
    private static final Map<String, String> ALL_RECORDS = Map.of(DeleteRecordsRequest.Options.DELETE_ALL_RECORDS,
            DeleteRecordsRequest.Options.TRUE);

    enum Mode {
        /**
         * Runs of rows, at most a batch per call: encoded here and sent to the head node, or
         * through gpudb-api's BulkInserter to the worker ranks when the server has them
         * (multi-head); runs of deletes in one call, of truncates in one.
         */
        BATCH,
        /** Every record in its own call, to find the ones Kinetica refuses. */
        ONE_BY_ONE
    }

    private final GPUdb gpudb;
    private final ConnectionSettings connection;
    /** The client batches go through: made for the first, made again after one hung ({@link HungCalls}). */
    private GPUdb batches;
    /** The worker ranks for multi-head ingest, or null: the head node takes all rows. */
    private final WorkerList workers;
    private final int batchSize;
    /** How rows are inserted: upserted, or the row already there kept ({@code update_on_existing_pk}). */
    private final Map<String, String> insertOptions;
    private final ErrantRecords errant;
    private final Diagnosis diagnosis;
    /** Multi-head only: an inserter is made for one table type, a table that changed gets a new one. */
    private record Inserter(BulkInserter<GenericRecord> bulk, Type type, Map<String, String> options) {
    }

    private final Map<TableId, Inserter> inserters = new HashMap<>();

    Flusher(GPUdb gpudb, ConnectionSettings connection, WorkerList workers, int batchSize,
            Map<String, String> insertOptions, ErrantRecords errant) {
        this.gpudb = gpudb;
        this.connection = connection;
        this.workers = workers;
        this.batchSize = batchSize;
        this.insertOptions = insertOptions;
        this.errant = errant;
        this.diagnosis = new Diagnosis(gpudb);
    }

    /**
     * Writes the buffer in record order and empties it. On failure what was written is gone from
     * the buffer and the rest stays, for the next attempt.
     */
    void write(TableBuffer buffer, Mode mode) throws WriteFailure {
        if (mode == Mode.BATCH) {
            buffer.reduceChanges();
        }
        int done = 0;
        try {
            while (done < buffer.size()) {
                if (mode == Mode.ONE_BY_ONE) {
                    writeOne(buffer, done);
                    done++;
                } else {
                    int end = Math.min(runEnd(buffer, done), done + batchSize);
                    writeRun(buffer, done, end);
                    done = end;
                }
            }
        } finally {
            buffer.dropFirst(done);
        }
    }

    /** The end of the run of writes of one kind (rows, or deletes) that starts at {@code from}. */
    private static int runEnd(TableBuffer buffer, int from) {
        Write.Kind kind = buffer.write(from).kind();
        int end = from + 1;
        while (end < buffer.size() && buffer.write(end).kind() == kind) {
            end++;
        }
        return end;
    }

    private void writeRun(TableBuffer buffer, int from, int to) throws WriteFailure {
        GPUdb client = batchClient(buffer.id());
        HungCalls call = HungCalls.watch(client, connection.timeoutMs());
        try {
            List<Write> run = buffer.writes(from, to);
            switch (run.get(0).kind()) {
                case ROW -> insert(client, buffer, rows(run), insertOptions);
                case UPSERT -> insert(client, buffer, rows(run), UPSERT);
                case DELETE -> client.deleteRecords(buffer.id().qualified(), expressions(run), Map.of());
                case TRUNCATE -> client.deleteRecords(buffer.id().qualified(), List.of(), ALL_RECORDS);
            }
        } catch (GPUdbException | RuntimeException e) {
            // a fresh inserter next time: nothing half-queued from this attempt is sent twice
            closeInserter(buffer.id());
            if (call.ended()) {
                spent();
                throw new WriteFailure(WriteFailure.Kind.UNREACHABLE, buffer.id(), "Kinetica at " + connection.url()
                        + " took a batch for " + buffer.id() + " and did not answer within twice kinetica.timeout ("
                        + 2L * connection.timeoutMs() + " ms): a hung server; the batch's connection was closed", e);
            }
            if (e instanceof GPUdbException g) {
                throw diagnosis.of(buffer.id(), g);
            }
            throw (RuntimeException) e;
        } finally {
            call.done();
        }
    }

    private void insert(GPUdb client, TableBuffer buffer, List<GenericRecord> rows, Map<String, String> options)
            throws GPUdbException {
        if (workers == null) {
            client.insertRecordsRaw(new RawInsertRecordsRequest(buffer.id().qualified(),
                    new RowEncoder(buffer.type()).encode(rows), options));
        } else {
            // gpudb-api routes each row to the rank that holds its shard
            BulkInserter<GenericRecord> inserter = inserter(client, buffer, options);
            inserter.insert(rows);
            inserter.flush();
        }
    }

    /** The rows of a run of {@link Write.Row}s (a run is of one kind). */
    private static List<GenericRecord> rows(List<Write> run) {
        List<GenericRecord> rows = new ArrayList<>(run.size());
        run.forEach(w -> rows.add(((Write.Row) w).row()));
        return rows;
    }

    /** The expressions of a run of {@link Write.Delete}s. */
    private static List<String> expressions(List<Write> run) {
        List<String> expressions = new ArrayList<>(run.size());
        run.forEach(w -> expressions.add(((Write.Delete) w).expression()));
        return expressions;
    }

    private GPUdb batchClient(TableId table) throws WriteFailure {
        if (batches == null) {
            try {
                batches = KineticaClients.forWrites(connection);
            } catch (GPUdbException e) {
                throw diagnosis.of(table, e);
            }
        }
        return batches;
    }

    /** The batch client's connections were closed: the next batch makes another, and inserters for it. */
    private void spent() {
        batches = null;
        List.copyOf(inserters.keySet()).forEach(this::closeInserter);
    }

    private void writeOne(TableBuffer buffer, int i) throws WriteFailure {
        Write write = buffer.write(i);
        for (int attempt = 1; ; attempt++) {
            try {
                switch (write.kind()) {
                    case ROW -> gpudb.insertRecords(buffer.id().qualified(), List.of(((Write.Row) write).row()),
                            insertOptions);
                    case UPSERT -> gpudb.insertRecords(buffer.id().qualified(), List.of(((Write.Row) write).row()),
                            UPSERT);
                    case DELETE -> gpudb.deleteRecords(buffer.id().qualified(),
                            List.of(((Write.Delete) write).expression()), Map.of());
                    case TRUNCATE -> gpudb.deleteRecords(buffer.id().qualified(), List.of(), ALL_RECORDS);
                }
                return;
            } catch (GPUdbException e) {
                WriteFailure failure = diagnosis.of(buffer.id(), e);
                if (failure.kind() != WriteFailure.Kind.REFUSED) {
                    throw failure;
                }
                if (attempt == 2) {
                    String what = switch (write.kind()) {
                        case ROW, UPSERT -> "it";
                        case DELETE -> "the delete " + ((Write.Delete) write).expression();
                        case TRUNCATE -> "the truncate";
                    };
                    errant.report(write.source(), buffer.id(),
                            new GPUdbException("Kinetica rejected " + what + ": " + Failures.summary(e), e));
                    return;
                }
            }
        }
    }

    private BulkInserter<GenericRecord> inserter(GPUdb client, TableBuffer buffer, Map<String, String> options)
            throws GPUdbException {
        Inserter inserter = inserters.get(buffer.id());
        if (inserter != null && (inserter.type() != buffer.type() || !inserter.options().equals(options))) {
            closeInserter(buffer.id());
            inserter = null;
        }
        if (inserter == null) {
            inserter = new Inserter(new BulkInserter<>(client, buffer.id().qualified(), buffer.type(), batchSize,
                    options, workers), buffer.type(), options);
            inserters.put(buffer.id(), inserter);
        }
        return inserter.bulk();
    }

    private void closeInserter(TableId id) {
        Inserter inserter = inserters.remove(id);
        if (inserter != null) {
            try {
                inserter.bulk().close();
            } catch (Exception e) {
                log.debug("Closing the inserter of {} failed: {}", id, Failures.summary(e));
            }
        }
    }

    @Override
    public void close() {
        List.copyOf(inserters.keySet()).forEach(this::closeInserter);
    }
}

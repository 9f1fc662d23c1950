package com.kinetica.kafka;

import com.gpudb.BulkInserter;
import com.gpudb.GPUdb;
import com.gpudb.GPUdbException;
import com.gpudb.WorkerList;
import com.kinetica.kafka.client.Failures;
import com.kinetica.kafka.client.KineticaClients;
import com.kinetica.kafka.client.Multihead;
import com.kinetica.kafka.client.RetryPolicy;
import com.kinetica.kafka.config.KineticaSinkConfig;
import com.kinetica.kafka.config.Settings;
import com.kinetica.kafka.config.WriteOptions;
import com.kinetica.kafka.sink.DetachedSinkContext;
import com.kinetica.kafka.sink.ErrantRecords;
import com.kinetica.kafka.sink.Intake;
import com.kinetica.kafka.sink.SinkWriter;
import com.kinetica.kafka.sink.TopicRenaming;
import com.kinetica.kafka.sink.WriteFailure;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * Writes records into Kinetica tables, at least once: offsets are committed, per partition, only
 * for records Kinetica acknowledged. Failures that pass (Kinetica down, slow, answering errors
 * about itself) are waited out through Connect's redelivery ({@code RetriableException}) for
 * {@code kinetica.retry_timeout_ms}; those that do not (refused credentials, a missing table with
 * creation off) fail the task at once, with one line naming the setting.
 */
public class KineticaSinkTask extends SinkTask {
    private static final Logger log = LoggerFactory.getLogger(KineticaSinkTask.class);
    /** How soon Connect hands an empty put again while the connection is still being made. */
    private static final long CONNECTING_CHECK_MS = 100;

    /** A client and the worker ranks, made on a thread of their own while the consumer joins its group. */
    private record Connection(GPUdb gpudb, WorkerList workers) {
    }

    private KineticaSinkConfig config;
    private RetryPolicy retry;
    private ErrantRecords errant;
    private SinkWriter writer;
    /** The connection begun in {@link #start}, until a put takes it; null after. */
    private FutureTask<Connection> connecting;
    /** The worker ranks records go to (multi-head ingest); null when the head node takes them all. */
    private WorkerList workers;
    /** When the oldest record still buffered was taken in; MAX_VALUE when nothing is buffered. */
    private long bufferedSince = Long.MAX_VALUE;
    /** The most records one put has brought: a put of less than half of it means the consumer caught up. */
    private int largestPut;
    /** Whether records name the partition they were read from ({@link SinkWriter}). */
    private boolean originsKnown;
    private Intake intake;

    /**
     * Begins connecting and returns: gpudb-api's first client in a JVM takes about a second to
     * build, which the consumer spends joining its group. Puts with records wait for it.
     */
    @Override
    public void start(Map<String, String> props) {
        props = Settings.given(props, KineticaSinkConnector.NEEDS);
        if (context == null) {
            initialize(new DetachedSinkContext(props)); // started by a caller of its own, not by a worker
        }
        config = Settings.parse(props, KineticaSinkConfig::new);
        retry = new RetryPolicy(config.retryLimits(), ms -> context.timeout(ms));
        errant = new ErrantRecords(reporter());
        originsKnown = TopicRenaming.originsKnown(props, config.kafkaKey());
        intake = new Intake(config.bufferCaps(), context);
        connecting = new FutureTask<>(this::connectAtStart);
        Thread thread = new Thread(connecting, "kinetica-sink-connect");
        thread.setDaemon(true);
        thread.start();
        context.timeout(CONNECTING_CHECK_MS); // the first put comes soon even with no record, to report a refusal
    }

    private Connection connectAtStart() throws GPUdbException {
        try {
            return connect();
        } catch (GPUdbException e) {
            if (!Failures.isUnauthorized(e)) {
                log.warn("{}; the task starts anyway and retries when records arrive", Failures.reason(e));
            }
            throw e;
        }
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        try {
            if (!takeConnection(!records.isEmpty())) {
                return; // no record, and still connecting
            }
            SinkWriter w = writer();
            long deadline = writeDeadline();
            if (retry.failing()) {
                w.flushAll(deadline); // what failed last time goes first
            }
            w.put(records);
            long now = System.currentTimeMillis();
            boolean caughtUp = records.size() < largestPut / 2;
            largestPut = Math.max(largestPut, records.size());
            if (records.isEmpty() || now - bufferedSince >= config.lingerMs()) {
                // the topics are idle, or a partial batch waited long enough: not until the next commit
                w.flushAll(deadline);
            } else if (caughtUp) {
                w.flushAllInBackground(); // the end of a burst: nothing more to wait for, write it behind the next poll
            } else {
                w.flushFull();
            }
            intake.holdBack(w, deadline);
            lingerUntilWritten(w, now);
            w.delivered();
            retry.succeeded();
        } catch (GPUdbException e) {
            if (Failures.isUnauthorized(e)) {
                throw unauthorized(e);
            }
            throw retry.failed("Connecting to Kinetica at " + config.connection().url(), e);
        } catch (WriteFailure f) {
            throw failed(f);
        }
    }

    /** The exception that tells Connect what to do about a failed write. */
    private RuntimeException failed(WriteFailure f) {
        return switch (f.kind()) {
            case UNAUTHORIZED -> unauthorized(f);
            case TABLE_MISSING -> new ConnectException("Kinetica at " + config.connection().url() + ": "
                    + f.getMessage() + ", and " + KineticaSinkConfig.CREATE_TABLE + "=false: create the table, or set "
                    + KineticaSinkConfig.CREATE_TABLE + "=true, then restart the task", f);
            default -> retry.failed(writingTo(f), f);
        };
    }

    /**
     * What failed. With multi-head ingest an insert goes to the worker ranks, whose URLs may not be
     * reachable from Connect (gpudb-api's error lists them): say so, and what to do.
     */
    private String writingTo(WriteFailure f) {
        String what = "Writing to Kinetica at " + config.connection().url();
        if (workers != null && Failures.causedBy(f, BulkInserter.InsertException.class)) {
            what += " through " + workers.size() + " worker rank(s) (multi-head ingest; set "
                    + WriteOptions.ENABLE_MULTIHEAD + "=false if Connect cannot reach the worker ranks)";
        }
        return what + ", table " + f.table();
    }

    /** When a put or commit that starts now stops writing: Connect polls between them. */
    private long writeDeadline() {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.writeBudgetMs());
    }

    /**
     * Connect polls for records until the next offset commit when none arrive: when a partial batch
     * is buffered, ask it to come back within the linger time so the batch is written then.
     */
    private void lingerUntilWritten(SinkWriter w, long now) {
        if (!w.hasBuffered()) {
            bufferedSince = Long.MAX_VALUE;
            return;
        }
        if (bufferedSince == Long.MAX_VALUE) {
            bufferedSince = now;
        }
        context.timeout(Math.max(1, bufferedSince + config.lingerMs() - now));
    }

    /**
     * Writes everything put so far, now, as the {@code SinkTask} contract says. Connect's worker
     * commits through {@link #preCommit}; this is for callers of their own (tools, harnesses).
     */
    @Override
    public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        if (writer == null) {
            return; // nothing was put
        }
        try {
            writer.flushAll();
        } catch (WriteFailure f) {
            throw failed(f);
        }
    }

    /** Writes what is buffered, then commits, per partition, what Kinetica has. */
    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        if (writer == null) {
            return currentOffsets;
        }
        try {
            writer.flushAll(writeDeadline());
        } catch (WriteFailure f) {
            log.warn("Not all buffered records are in Kinetica yet (table {}: {}); committing {}", f.table(),
                    f.getMessage(), originsKnown ? "per partition only what is" : "nothing until they are");
        }
        return writer.committable(currentOffsets, context.assignment());
    }

    /**
     * Connect commits before it closes partitions (a rebalance); what is still buffered then is
     * not committed, so it is dropped here and read again by the partitions' next owner.
     */
    @Override
    public void close(Collection<TopicPartition> partitions) {
        if (writer != null) {
            writer.discard(partitions, context.assignment());
        }
    }

    @Override
    public void stop() {
        if (connecting != null) {
            connecting.cancel(true);
            connecting = null;
        }
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }

    @Override
    public String version() {
        return Version.get();
    }

    /**
     * Takes the connection begun in start once it is made, waiting for it when {@code wait}; false
     * when it is still being made. Its failure is thrown, to be retried (or, a refused user, to fail
     * the task) like any other: trying again at once would make a put wait twice for a silent server.
     */
    private boolean takeConnection(boolean wait) throws GPUdbException {
        if (connecting == null) {
            return true;
        }
        if (!wait && !connecting.isDone()) {
            context.timeout(CONNECTING_CHECK_MS);
            return false;
        }
        FutureTask<Connection> made = connecting;
        connecting = null;
        try {
            use(made.get());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GPUdbException g) {
                throw g;
            }
            throw new ConnectException("Connecting to Kinetica at " + config.connection().url() + " failed: "
                    + Failures.summary(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while connecting to Kinetica at " + config.connection().url(), e);
        }
        return true;
    }

    private SinkWriter writer() throws GPUdbException {
        if (writer == null) {
            use(connect());
        }
        return writer;
    }

    private Connection connect() throws GPUdbException {
        GPUdb gpudb = KineticaClients.connect(config.connection());
        return new Connection(gpudb, Multihead.workers(config.connection(), config.multiheadEnabled()));
    }

    private void use(Connection c) {
        workers = c.workers();
        writer = new SinkWriter(config, c.gpudb(), workers, errant, originsKnown);
    }

    private ConnectException unauthorized(Exception e) {
        return new ConnectException("Kinetica at " + config.connection().url() + " refused user '"
                + config.connection().username() + "': check kinetica.username and kinetica.password", e);
    }

    private ErrantRecordReporter reporter() {
        try {
            return context.errantRecordReporter();
        } catch (NoSuchMethodError | NoClassDefFoundError e) {
            return null; // workers older than Kafka 2.6
        }
    }
}

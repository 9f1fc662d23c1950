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
import com.kinetica.kafka.sink.ErrantRecords;
import com.kinetica.kafka.sink.SinkWriter;
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

/**
 * Writes records into Kinetica tables, at least once: offsets are committed only for records
 * Kinetica acknowledged. Failed writes are retried with backoff through Connect's redelivery
 * ({@code RetriableException}) up to {@code kinetica.retry_count} times, then fail the task.
 */
public class KineticaSinkTask extends SinkTask {
    private static final Logger log = LoggerFactory.getLogger(KineticaSinkTask.class);

    private KineticaSinkConfig config;
    private RetryPolicy retry;
    private ErrantRecords errant;
    private SinkWriter writer;
    /** The worker ranks records go to (multi-head ingest); null when the head node takes them all. */
    private WorkerList workers;
    private boolean failedBefore;
    /** When the oldest record still buffered was taken in; MAX_VALUE when nothing is buffered. */
    private long bufferedSince = Long.MAX_VALUE;

    @Override
    public void start(Map<String, String> props) {
        config = new KineticaSinkConfig(props);
        retry = new RetryPolicy(config.retryCount(), config.retryBackoffMs(), ms -> context.timeout(ms));
        errant = new ErrantRecords(reporter());
        try {
            writer();
        } catch (GPUdbException e) {
            if (Failures.isUnauthorized(e)) {
                throw unauthorized(e);
            }
            if (!Failures.isConnectionFailure(e)) {
                throw new ConnectException(Failures.summary(e), e);
            }
            log.warn("{}; the task starts anyway and retries when records arrive", Failures.summary(e));
        }
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        try {
            SinkWriter w = writer();
            w.lastAttempt(retry.lastAttempt());
            if (failedBefore) {
                w.writeAll();
            }
            w.put(records);
            long now = System.currentTimeMillis();
            if (records.isEmpty() || now - bufferedSince >= config.lingerMs()) {
                // the topics are idle, or a partial batch waited long enough: not until the next commit
                w.writeAll();
            } else {
                w.writeFull();
            }
            lingerUntilWritten(w, now);
            retry.succeeded();
            failedBefore = false;
        } catch (GPUdbException e) {
            failedBefore = true;
            if (Failures.isUnauthorized(e)) {
                throw unauthorized(e);
            }
            throw retry.failed(writingTo(e), e);
        }
    }

    /**
     * What failed. With multi-head ingest an insert goes to the worker ranks, whose URLs may not be
     * reachable from Connect (gpudb-api's error lists them): say so, and what to do.
     */
    private String writingTo(GPUdbException e) {
        String what = "Writing to Kinetica at " + config.connection().url();
        if (workers != null && Failures.causedBy(e, BulkInserter.InsertException.class)) {
            return what + " through " + workers.size() + " worker rank(s) (multi-head ingest; set "
                    + KineticaSinkConfig.ENABLE_MULTIHEAD + "=false if Connect cannot reach the worker ranks)";
        }
        return what;
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

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        if (writer == null) {
            return currentOffsets;
        }
        try {
            writer.writeAll();
            return currentOffsets;
        } catch (GPUdbException e) {
            failedBefore = true;
            log.warn("Not committing offsets: buffered records are not in Kinetica yet ({}); retrying with the next "
                    + "records", Failures.summary(e));
            return Map.of();
        }
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        if (writer == null) {
            return;
        }
        try {
            writer.writeAll();
        } catch (GPUdbException e) {
            log.warn("Could not write buffered records of closed partitions {} ({}); their new owner reads them again "
                    + "from the last committed offsets", partitions, Failures.summary(e));
        }
        writer.discard(partitions);
    }

    @Override
    public void stop() {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }

    @Override
    public String version() {
        return Version.get();
    }

    private SinkWriter writer() throws GPUdbException {
        if (writer == null) {
            GPUdb gpudb = KineticaClients.connect(config.connection());
            workers = Multihead.workers(config.connection(), config.multiheadEnabled());
            writer = new SinkWriter(config, gpudb, workers, errant);
        }
        return writer;
    }

    private ConnectException unauthorized(GPUdbException e) {
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

package com.kinetica.kafka;

import com.gpudb.GPUdb;
import com.gpudb.GPUdbException;
import com.kinetica.kafka.client.Failures;
import com.kinetica.kafka.client.KineticaClients;
import com.kinetica.kafka.config.KineticaSourceConfig;
import com.kinetica.kafka.config.Settings;
import com.kinetica.kafka.source.Backoff;
import com.kinetica.kafka.source.DetachedSourceContext;
import com.kinetica.kafka.source.SourceOffset;
import com.kinetica.kafka.source.TableReader;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Reads the tables assigned to it (kinetica.table_names of its task config) in turn, each
 * from its stored offset. Kinetica errors are retried with a growing wait, within
 * kinetica.source.max_retries; refused credentials, a table or column that does not exist fail
 * the task at once with a message saying what to fix.
 */
public class KineticaSourceTask extends SourceTask {
    private static final Logger log = LoggerFactory.getLogger(KineticaSourceTask.class);

    private KineticaSourceConfig config;
    private GPUdb gpudb;
    private final List<TableReader> readers = new ArrayList<>();
    private Backoff backoff;
    private final CountDownLatch stopping = new CountDownLatch(1);
    /** Asks Kinetica for the next page of a table while Connect sends this one. */
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kinetica-source-reader");
        t.setDaemon(true);
        return t;
    });

    /** What the source must be given, for the line that says it was given nothing. */
    static final String NEEDS = "the Kinetica source needs at least kinetica.url and kinetica.table_names";

    @Override
    public void start(Map<String, String> props) {
        props = Settings.given(props, NEEDS);
        if (context == null) {
            initialize(new DetachedSourceContext(props)); // started by a caller of its own: no stored offsets
        }
        config = Settings.parse(props, KineticaSourceConfig::new);
        backoff = new Backoff(config.retryBackoffMs(), config.maxRetries());
        log.info("Kinetica source task reading {} from {}", config.tables(), config.connection());
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        List<SourceRecord> records = new ArrayList<>();
        try {
            open();
            for (TableReader reader : readers) {
                records.addAll(reader.poll());
            }
        } catch (GPUdbException e) {
            if (Failures.isUnauthorized(e)) {
                // retrying cannot help, and a RUNNING task that reads nothing hides the mistake
                throw new ConnectException("Kinetica at " + config.connection().url() + " refused user '"
                        + config.connection().username() + "': check kinetica.username and kinetica.password", e);
            }
            long waitMs = backoff.failed("Reading Kinetica at " + config.connection().url(), e);
            log.warn("Reading Kinetica at {} failed (attempt {}), retrying in {} ms: {}",
                    config.connection().url(), backoff.failures(), waitMs, Failures.reason(e));
            if (records.isEmpty()) {
                pause(waitMs);
                return null;
            }
            return records; // the readers have moved past these rows: hand them over now
        }
        backoff.succeeded();
        if (records.isEmpty()) {
            pause(config.pollIntervalMs());
            return null;
        }
        return records;
    }

    /** Connects and opens the readers on first use, so a Kinetica outage at start is retried like any other. */
    private void open() throws GPUdbException {
        if (!readers.isEmpty()) {
            return;
        }
        if (gpudb == null) {
            gpudb = KineticaClients.connect(config.connection());
        }
        List<Map<String, String>> partitions = config.tables().stream().map(SourceOffset::partition).toList();
        Map<Map<String, String>, Map<String, Object>> offsets = context.offsetStorageReader().offsets(partitions);
        List<TableReader> opened = new ArrayList<>();
        for (String table : config.tables()) {
            Map<String, Object> stored = offsets == null ? null : offsets.get(SourceOffset.partition(table));
            opened.add(new TableReader(gpudb, table, config, stored, background));
        }
        readers.addAll(opened);
    }

    private void pause(long millis) throws InterruptedException {
        stopping.await(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        stopping.countDown();
        background.shutdownNow();
    }

    @Override
    public String version() {
        return Version.get();
    }
}

package com.kinetica.kafka;

import com.gpudb.GPUdb;
import com.gpudb.GPUdbException;
import com.kinetica.kafka.client.Failures;
import com.kinetica.kafka.client.KineticaClients;
import com.kinetica.kafka.config.KineticaSourceConfig;
import com.kinetica.kafka.config.Settings;
import com.kinetica.kafka.source.Backoff;
import com.kinetica.kafka.source.DetachedSourceContext;
import com.kinetica.kafka.source.KineticaMonitors;
import com.kinetica.kafka.source.MonitorSubscriber;
import com.kinetica.kafka.source.SourceOffset;
import com.kinetica.kafka.source.TableFeed;
import com.kinetica.kafka.source.TableReader;
import com.kinetica.kafka.source.Wakeup;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sends the rows of the tables assigned to it (kinetica.table_names of its task config), each
 * from its stored offset: as a table monitor pushes them, or read every poll interval
 * ({@link TableFeed}). Kinetica errors are retried with a growing wait, within
 * kinetica.source.max_retries; refused credentials, a table or column that does not exist fail
 * the task at once with a message saying what to fix.
 */
public class KineticaSourceTask extends SourceTask {
    private static final Logger log = LoggerFactory.getLogger(KineticaSourceTask.class);

    private KineticaSourceConfig config;
    private GPUdb gpudb;
    private final List<TableFeed> feeds = new ArrayList<>();
    private MonitorSubscriber subscriber;
    private Backoff backoff;
    private final Wakeup wakeup = new Wakeup();
    private volatile boolean stopping;
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
            long now = System.currentTimeMillis();
            for (TableFeed feed : feeds) {
                records.addAll(feed.poll(now));
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
            pause(untilNextRead());
            return null;
        }
        return records;
    }

    /** How long until a table is due to be read; pushed rows end the wait sooner. */
    private long untilNextRead() {
        long next = Long.MAX_VALUE;
        for (TableFeed feed : feeds) {
            next = Math.min(next, feed.nextReadAt());
        }
        return Math.max(1, Math.min(config.pollIntervalMs(), next - System.currentTimeMillis()));
    }

    /** Connects and opens the readers on first use, so a Kinetica outage at start is retried like any other. */
    private void open() throws GPUdbException {
        if (!feeds.isEmpty()) {
            return;
        }
        if (gpudb == null) {
            gpudb = KineticaClients.connect(config.connection());
        }
        Optional<String> monitorPort = config.tableMonitor() ? KineticaMonitors.endpoint(gpudb) : Optional.empty();
        if (config.tableMonitor() && monitorPort.isEmpty()) {
            log.warn("Kinetica at {} publishes no table monitors (no {}): reading the tables every {} ms",
                    config.connection().url(), "conf.set_monitor_port", config.pollIntervalMs());
        }
        List<Map<String, String>> partitions = config.tables().stream().map(SourceOffset::partition).toList();
        Map<Map<String, String>, Map<String, Object>> offsets = context.offsetStorageReader().offsets(partitions);
        List<TableReader> opened = new ArrayList<>();
        for (String table : config.tables()) {
            Map<String, Object> stored = offsets == null ? null : offsets.get(SourceOffset.partition(table));
            opened.add(new TableReader(gpudb, table, config, stored, background));
        }
        synchronized (this) {
            if (stopping) {
                return;
            }
            if (monitorPort.isPresent() && subscriber == null) {
                subscriber = new MonitorSubscriber(monitorPort.get());
            }
            KineticaMonitors monitors = new KineticaMonitors(gpudb);
            for (TableReader reader : opened) {
                feeds.add(subscriber == null ? new TableFeed(reader, config.pollIntervalMs())
                        : new TableFeed(reader, config.pollIntervalMs(), monitors, subscriber, wakeup));
            }
        }
    }

    private void pause(long millis) throws InterruptedException {
        wakeup.await(millis);
    }

    /** Called by Connect from another thread than poll's: the monitors this task made are cleared. */
    @Override
    public void stop() {
        List<TableFeed> closing;
        synchronized (this) {
            stopping = true;
            closing = List.copyOf(feeds);
        }
        wakeup.stop();
        background.shutdownNow();
        closing.forEach(TableFeed::close);
        if (subscriber != null) {
            subscriber.close();
        }
    }

    @Override
    public String version() {
        return Version.get();
    }
}

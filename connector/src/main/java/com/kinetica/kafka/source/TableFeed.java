package com.kinetica.kafka.source;

import com.gpudb.GPUdbException;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Where one table's records come from: rows its table monitor pushed, or reads from its offset.
 * <p>
 * Pushed rows are trusted only while the monitor's stream is known to be whole since the offset
 * ("in step"). A ZeroMQ subscription drops what is published before it reaches Kinetica and while
 * the connection is down, so the table starts out of step, and falls out of step at every gap
 * (connect, disconnect, more rows than {@link PushedRows} holds, rows of another type). Out of
 * step, the first rows pushed make the feed read from the offset at once, paging on until a page
 * is not full: that read began after those rows were received, so every row committed before it
 * is in it, and every row committed after it comes later on the same unbroken stream. The rows
 * pushed meanwhile are at or before the offset then and are dropped. In step, pushed rows become
 * records straight away, ordered by the read columns.
 * <p>
 * Either way the table is also read every poll interval while it has no new rows, as without a
 * monitor, which costs an idle table no more calls than polling did. That read finds updates (in
 * the timestamp modes) and anything a monitor that vanished did not deliver; rows it finds that no
 * push announced make the feed ask Kinetica whether the monitor still exists, and create it anew if not.
 * Not thread-safe: the task's thread uses it, apart from {@link #close()}.
 */
public final class TableFeed {
    private static final Logger log = LoggerFactory.getLogger(TableFeed.class);
    /** How long after a failed attempt to create a monitor the next is made, in milliseconds. */
    static final long MONITOR_RETRY_MS = 60_000;

    private final TableReader reader;
    private final long pollIntervalMs;
    private final KineticaMonitors monitors;
    private final MonitorSubscriber subscriber;
    private final PushedRows pushed;
    private volatile String topic;
    private volatile boolean closed;
    private boolean inStep;
    private long nextReadAt;
    private long nextMonitorAttemptAt;

    /** A feed that only reads, every {@code pollIntervalMs} while the table has no new rows. */
    public TableFeed(TableReader reader, long pollIntervalMs) {
        this(reader, pollIntervalMs, null, null, null);
    }

    /** A feed that takes pushed rows from a monitor made with {@code monitors} and delivered by {@code subscriber}. */
    public TableFeed(TableReader reader, long pollIntervalMs, KineticaMonitors monitors, MonitorSubscriber subscriber,
                     Wakeup wakeup) {
        this.reader = reader;
        this.pollIntervalMs = pollIntervalMs;
        this.monitors = monitors;
        this.subscriber = subscriber;
        this.pushed = subscriber == null ? null : new PushedRows(2 * reader.batchSize(), wakeup);
    }

    public String table() {
        return reader.table();
    }

    /** When the next read of the table is due (epoch ms); pushed rows may come before. */
    public long nextReadAt() {
        return nextReadAt;
    }

    /** The records to send now, possibly none. */
    public List<SourceRecord> poll(long now) throws GPUdbException {
        if (subscriber != null && topic == null && now >= nextMonitorAttemptAt) {
            openMonitor(now);
        }
        PushedRows.Taken taken = pushed == null ? null : pushed.take();
        if (taken != null && taken.gap()) {
            inStep = false;
        }
        if (inStep && taken.hasRows()) {
            List<SourceRecord> records = new ArrayList<>();
            if (fromMonitor(taken.messages(), records)) {
                return records;
            }
            // rows it cannot take as they are: those before them are sent, a read at once finds the rest
            inStep = false;
            nextReadAt = now;
            if (!records.isEmpty()) {
                return records;
            }
        }
        boolean stepping = !inStep && taken != null && taken.hasRows();
        if (!stepping && now < nextReadAt) {
            return List.of();
        }
        List<SourceRecord> records = reader.poll();
        if (reader.lastReadFull()) {
            inStep = false;   // the table has more rows than a page: read on, a page per poll
            nextReadAt = now;
            return records;
        }
        nextReadAt = records.isEmpty() ? now + pollIntervalMs : now;
        if (stepping) {
            inStep = true;
        } else if (!records.isEmpty()) {
            // rows no push announced: in flight, or the monitor is gone (also while catching up, when
            // a monitor cleared then would otherwise leave the table read every interval for good)
            checkMonitor();
        }
        return records;
    }

    /** Adds the records of the pushed messages, up to one it cannot take as it is; false when there is one. */
    private boolean fromMonitor(List<List<ByteBuffer>> messages, List<SourceRecord> records) {
        for (List<ByteBuffer> message : messages) {
            List<SourceRecord> rows = reader.pushed(message);
            if (rows == null) {
                return false;
            }
            records.addAll(rows);
        }
        return true;
    }

    /** A read found rows the monitor did not push first: in flight, or the monitor is gone. */
    private void checkMonitor() throws GPUdbException {
        String current = topic;
        if (current != null && !monitors.exists(current)) {
            log.warn("The table monitor of table '{}' is gone (cleared outside this task?); creating a new one",
                    table());
            subscriber.unsubscribe(current);
            topic = null;
            inStep = false;
            nextMonitorAttemptAt = 0;
        }
    }

    /** Creates the table's monitor; when Kinetica refuses, the table is read every poll interval and it is tried again later. */
    private void openMonitor(long now) {
        try {
            String created = monitors.create(table(), reader.topic());
            if (closed) {
                monitors.clear(created);   // stopped meanwhile: leave nothing behind
                return;
            }
            topic = created;
            subscriber.subscribe(created, pushed);
            inStep = false;
            log.info("Table '{}': rows pushed by table monitor '{}' on {}, read every {} ms otherwise", table(), created,
                    subscriber.endpoint(), pollIntervalMs);
        } catch (GPUdbException e) {
            nextMonitorAttemptAt = now + MONITOR_RETRY_MS;
            log.warn("Could not create a table monitor of table '{}', reading it every {} ms instead and trying again "
                    + "in {} s: {}", table(), pollIntervalMs, MONITOR_RETRY_MS / 1000, e.getMessage());
        }
    }

    /** Clears the monitor this feed created; called by the task's stop, from another thread. */
    public void close() {
        closed = true;
        String current = topic;
        topic = null;
        if (current == null) {
            return;
        }
        subscriber.unsubscribe(current);
        try {
            monitors.clear(current);
        } catch (GPUdbException e) {
            log.warn("Could not clear table monitor '{}' of table '{}' (the next task reading the table into the same topic clears it): {}",
                    current, table(), e.getMessage());
        }
    }
}

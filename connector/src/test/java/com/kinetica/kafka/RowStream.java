package com.kinetica.kafka;

import com.gpudb.GPUdb;
import com.gpudb.GPUdbException;
import com.gpudb.GenericRecord;
import com.gpudb.protocol.InsertRecordsRequest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rows streaming into an events table, one per insert call, ids {@code from..to} in order with
 * ts = the inserting clock, {@code pauseMs} apart. An insert that fails (Kinetica down) is tried
 * again until Kinetica acknowledges it; each upserts on the key, so one that failed after it was
 * carried out doubles nothing. Every id ends up in the table exactly once.
 */
final class RowStream implements AutoCloseable {
    private final Thread thread;
    private final AtomicLong last = new AtomicLong();
    private volatile boolean stopped;
    private volatile Throwable failure;

    private RowStream(GPUdb db, String table, long from, long to, long pauseMs) {
        last.set(from - 1);
        thread = new Thread(() -> {
            try {
                for (long id = from; id <= to && !stopped; id++) {
                    insert(db, table, id);
                    last.set(id);
                    Thread.sleep(pauseMs);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable e) {
                failure = e;
            }
        }, "row-stream-" + table);
        thread.setDaemon(true);
        thread.start();
    }

    static RowStream start(GPUdb db, String table, long from, long to, long pauseMs) {
        return new RowStream(db, table, from, to, pauseMs);
    }

    private void insert(GPUdb db, String table, long id) throws InterruptedException {
        GenericRecord row = new GenericRecord(EventsTable.EVENTS);
        row.put("id", id);
        row.put("ts", System.currentTimeMillis());
        row.put("name", "event " + id);
        while (!stopped) {
            try {
                db.insertRecords(table, List.of(row), Map.of(InsertRecordsRequest.Options.UPDATE_ON_EXISTING_PK, "true"));
                return;
            } catch (GPUdbException e) {
                Thread.sleep(50);
            }
        }
    }

    /** The last id Kinetica acknowledged. */
    long last() {
        return last.get();
    }

    /** Waits for the last row to be inserted. */
    void awaitEnd() throws InterruptedException {
        thread.join();
        if (failure != null) {
            throw new AssertionError("streaming rows failed", failure);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join(10_000);
    }
}

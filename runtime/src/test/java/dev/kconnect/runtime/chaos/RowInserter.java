package dev.kconnect.runtime.chaos;

import com.gpudb.GPUdb;
import com.gpudb.GPUdbException;
import com.gpudb.GenericRecord;
import com.gpudb.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Inserts rows into the source's table all the time through the real gpudb-api client, ids in
 * increasing order (the source reads the table by its id). A batch that fails is tried again until
 * Kinetica acknowledges it; a timed-out or refused insert may still have been carried out, so every
 * insert upserts on the primary key and a batch tried twice cannot double a row.
 */
final class RowInserter implements AutoCloseable {
    private final GPUdb client;
    private final String table;
    private final Type type;
    private final int perTick;
    private final Thread thread;
    private volatile boolean running = true;
    /** Set when the test gives up: the batch in hand is dropped. */
    private volatile boolean abandoned;
    private volatile long acknowledged;
    private volatile long failures;

    /** {@code perTick} rows every 100 ms into {@code table} (columns id, note). */
    RowInserter(String url, String table, Type type, int perTick) throws GPUdbException {
        // a request may not hang for ever on a slow or silent server: it times out and is tried again
        this.client = new GPUdb(url, new GPUdb.Options().setDisableAutoDiscovery(true).setDisableFailover(true)
                .setTimeout(10_000));
        this.table = table;
        this.type = type;
        this.perTick = perTick;
        this.thread = new Thread(this::insert, "chaos-row-inserter");
        thread.setDaemon(true);
        thread.start();
    }

    private void insert() {
        long next = 0;
        while (running) {
            List<GenericRecord> batch = new ArrayList<>();
            for (long id = next; id < next + perTick; id++) {
                GenericRecord row = new GenericRecord(type);
                row.put("id", id);
                row.put("note", "row " + id);
                batch.add(row);
            }
            while (!insertOnce(batch)) {
                if (abandoned) {
                    return;
                }
                failures++;
                pause(200);
            }
            next += perTick;
            acknowledged = next;
            pause(100);
        }
    }

    private boolean insertOnce(List<GenericRecord> batch) {
        try {
            client.insertRecords(table, batch, Map.of("update_on_existing_pk", "true"));
            return true;
        } catch (GPUdbException | RuntimeException e) {
            return false;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops after the batch in hand is acknowledged; returns the rows Kinetica acknowledged. */
    long stop() throws InterruptedException {
        running = false;
        thread.join();
        return acknowledged;
    }

    /** Inserts that failed and were tried again. */
    long failures() {
        return failures;
    }

    @Override
    public void close() {
        running = false;
        abandoned = true;
    }
}

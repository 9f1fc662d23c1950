package dev.kconnect.runtime.worker;

import com.gpudb.GPUdb;
import com.gpudb.GPUdbException;
import com.gpudb.GenericRecord;
import com.gpudb.Type;
import com.gpudb.protocol.InsertRecordsRequest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Rows 1..rows streaming into a table {@code (id, ts)}, one insert call each, {@code pauseMs}
 * apart, ts = the inserting clock. A failed insert is tried again until Kinetica takes it; each
 * upserts on the key, so one carried out before it failed doubles nothing.
 */
final class StreamedRows implements AutoCloseable {
    private final Thread thread;
    private volatile boolean stopped;

    StreamedRows(GPUdb gpudb, String table, Type type, int rows, long pauseMs) {
        thread = new Thread(() -> {
            try {
                for (long id = 1; id <= rows && !stopped; id++) {
                    GenericRecord row = new GenericRecord(type);
                    row.put("id", id);
                    row.put("ts", System.currentTimeMillis());
                    while (!insert(gpudb, table, row) && !stopped) {
                        Thread.sleep(50);
                    }
                    Thread.sleep(pauseMs);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stream-" + table);
        thread.start();
    }

    private static boolean insert(GPUdb gpudb, String table, GenericRecord row) {
        try {
            gpudb.insertRecords(table, List.of(row), Map.of(InsertRecordsRequest.Options.UPDATE_ON_EXISTING_PK, "true"));
            return true;
        } catch (GPUdbException e) {
            return false;
        }
    }

    void awaitEnd() throws InterruptedException {
        thread.join(TimeUnit.MINUTES.toMillis(3));
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        thread.join();
    }
}

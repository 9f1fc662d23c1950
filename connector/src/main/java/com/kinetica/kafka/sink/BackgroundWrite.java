package com.kinetica.kafka.sink;

import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One full batch written in the background while the task converts the next records: encoding
 * and sending a batch, and Kinetica taking it in, run beside the conversion instead of after it.
 * One batch at a time, so memory stays bounded
 * (the batch in flight plus the buffers) and a table's batches reach Kinetica in order. A
 * failed batch goes back to the front of its buffer; what the failure means is decided on the
 * task's thread, as for any write, so error handling never runs on this one.
 */
final class BackgroundWrite implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BackgroundWrite.class);

    private final Flusher flusher;
    private final ExecutorService thread;
    private TableBuffer source;
    private TableBuffer batch;
    /** Per partition, the first offset of the batch in flight: read by commits while it is written. */
    private Map<TopicPartition, Long> batchStarts = Map.of();
    private Future<WriteFailure> pending;

    BackgroundWrite(Flusher flusher, String name) {
        this.flusher = flusher;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts writing the first {@code n} records of {@code buffer}; the previous batch must be awaited. */
    void start(TableBuffer buffer, int n) {
        if (pending != null) {
            throw new IllegalStateException("a batch is still being written");
        }
        TableBuffer taken = buffer.takeFirst(n);
        Map<TopicPartition, Long> starts = new HashMap<>();
        taken.firstOffsets(starts);
        source = buffer;
        batch = taken;
        batchStarts = starts;
        pending = thread.submit(() -> {
            try {
                flusher.write(taken, Flusher.Mode.BATCH);
                return null;
            } catch (WriteFailure f) {
                return f;
            }
        });
    }

    /**
     * Waits for the batch in flight. When it failed, its unwritten records are back in front of
     * their buffer and the failure is returned (the caller writes the buffer again, and decides).
     */
    WriteFailure await() {
        if (pending == null) {
            return null;
        }
        WriteFailure failure;
        try {
            failure = pending.get();
        } catch (ExecutionException e) {
            log.warn("Writing a batch to {} failed unexpectedly", batch.id(), e.getCause());
            failure = new WriteFailure(WriteFailure.Kind.SERVER, batch.id(), String.valueOf(e.getCause()),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new WriteFailure(WriteFailure.Kind.UNREACHABLE, batch.id(), "interrupted", e);
        }
        if (!batch.isEmpty()) {
            source.putBackFirst(batch);
        }
        pending = null;
        source = null;
        batch = null;
        batchStarts = Map.of();
        return failure;
    }

    boolean busy() {
        return pending != null;
    }

    /** The records of the batch in flight, or 0. */
    int records() {
        TableBuffer b = batch;
        return b == null ? 0 : b.size();
    }

    /** The bytes of the batch in flight, or 0. */
    long bytes() {
        TableBuffer b = batch;
        return b == null ? 0 : b.bytes();
    }

    /** Lowers the offsets in {@code firstUnwritten} to those of the batch in flight. */
    void firstOffsets(Map<TopicPartition, Long> firstUnwritten) {
        batchStarts.forEach((tp, offset) -> firstUnwritten.merge(tp, offset, Math::min));
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}

package com.kinetica.kafka.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;

/** The sink's options on how it writes: batches, buffering caps, multi-head ingest and retries. */
public final class WriteOptions {
    public static final String GROUP = "Writing";

    public static final String BATCH_SIZE = "kinetica.batch_size";
    public static final String ENABLE_MULTIHEAD = "kinetica.enable_multihead";
    public static final String RETRY_COUNT = "kinetica.retry_count";
    public static final String RETRY_BACKOFF_MS = "kinetica.retry_backoff_ms";
    public static final String RETRY_TIMEOUT_MS = "kinetica.retry_timeout_ms";
    public static final String RETRY_BACKOFF_MAX_MS = "kinetica.retry_backoff_max_ms";
    public static final String LINGER_MS = "kinetica.linger_ms";
    public static final String MAX_BUFFERED_RECORDS = "kinetica.max_buffered_records";
    public static final String MAX_BUFFERED_BYTES = "kinetica.max_buffered_bytes";
    public static final String WRITE_BUDGET_MS = "kinetica.write_budget_ms";

    private WriteOptions() {
    }

    /** Adds the writing options to {@code def}, in the {@value #GROUP} group. */
    static ConfigDef define(ConfigDef def) {
        int order = 0;
        return def.define(BATCH_SIZE, Type.INT, 10000, Range.atLeast(1), Importance.MEDIUM,
                        "Records per table collected before they are sent to Kinetica in one request. Records "
                                + "still buffered are sent after " + LINGER_MS + ", when Connect commits offsets and "
                                + "when the topic falls idle.",
                        GROUP, ++order, Width.SHORT, "Batch size")
                .define(LINGER_MS, Type.LONG, 1000L, Range.atLeast(0), Importance.LOW,
                        "Longest time, in milliseconds, a record waits in a batch that is not full: bounds the "
                                + "delay of a slow stream. 0 sends every batch Connect delivers at once.",
                        GROUP, ++order, Width.SHORT, "Linger (ms)")
                .define(MAX_BUFFERED_RECORDS, Type.INT, 50_000, Range.atLeast(1), Importance.LOW,
                        "Most records a task holds, across all its tables, before it writes the fullest tables "
                                + "instead of taking more; past it after a put's writing, Connect is asked to hand "
                                + "no more records until the task holds half as many. A buffered record takes about "
                                + "2.4 times its size in Kafka on the heap (3 KB for a 1.3 KB JSON record).",
                        GROUP, ++order, Width.SHORT, "Buffered records cap")
                .define(MAX_BUFFERED_BYTES, Type.LONG, 32L << 20, Range.atLeast(1), Importance.LOW,
                        "Most bytes of rows a task holds, across all its tables, counted as the values' "
                                + "lengths (8 bytes for a number); as " + MAX_BUFFERED_RECORDS + " otherwise. The "
                                + "heap they take is about 3.7 times as much, the records they came from included.",
                        GROUP, ++order, Width.SHORT, "Buffered bytes cap")
                .define(WRITE_BUDGET_MS, Type.LONG, 30_000L, Range.atLeast(1), Importance.LOW,
                        "Longest time, in milliseconds, one put or offset commit spends writing before it "
                                + "gives the thread back to Connect (past it, the rest is written by the next): "
                                + "keeps a slow Kinetica with many tables from holding the consumer past its "
                                + "max.poll.interval.ms. One request may run on past it, up to " + ConnectionConfig.TIMEOUT + ".",
                        GROUP, ++order, Width.SHORT, "Write budget (ms)")
                .define(ENABLE_MULTIHEAD, Type.BOOLEAN, true, Importance.LOW,
                        "Send records straight to the worker ranks that own them (multi-head ingest) when "
                                + "the server has worker ranks; without them the head node takes all records.",
                        GROUP, ++order, Width.SHORT, "Multi-head ingest")
                .define(RETRY_TIMEOUT_MS, Type.LONG, 600_000L, Range.atLeast(0), Importance.MEDIUM,
                        "How long, in milliseconds, writes may keep failing for reasons that pass (Kinetica "
                                + "unreachable, timing out, or answering errors about itself rather than a record) "
                                + "before the task fails. Meanwhile Connect redelivers the same records, "
                                + RETRY_BACKOFF_MS + " apart at first, then twice as long each time up to "
                                + RETRY_BACKOFF_MAX_MS + "; nothing is committed that Kinetica has not acknowledged.",
                        GROUP, ++order, Width.SHORT, "Retry timeout (ms)")
                .define(RETRY_BACKOFF_MS, Type.LONG, 1000L, Range.atLeast(0), Importance.LOW,
                        "Milliseconds to wait before the first retry of a failed write; later waits double.",
                        GROUP, ++order, Width.SHORT, "Retry backoff (ms)")
                .define(RETRY_BACKOFF_MAX_MS, Type.LONG, 30_000L, Range.atLeast(0), Importance.LOW,
                        "Longest wait, in milliseconds, between two retries of a failed write: bounds how long "
                                + "after Kinetica is back the task notices.",
                        GROUP, ++order, Width.SHORT, "Retry backoff ceiling (ms)")
                .define(RETRY_COUNT, Type.INT, -1, Range.atLeast(-1), Importance.LOW,
                        "The original connector's limit: retries of a failed write before the task fails, "
                                + "whichever of it and " + RETRY_TIMEOUT_MS + " comes first. -1 (the default): no "
                                + "count, only the timeout.",
                        GROUP, ++order, Width.SHORT, "Retry count");
    }
}

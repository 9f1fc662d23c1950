package com.kinetica.kafka.sink;

import com.kinetica.kafka.config.BufferCaps;
import com.kinetica.kafka.config.WriteOptions;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.Set;

/**
 * Keeps what a task holds within its caps ({@link BufferCaps}): past one, writes the fullest
 * tables for what is left of the put's time; when that is not enough, asks Connect to hand no
 * more records until half of each cap is free (the puts without records meanwhile write the rest).
 */
public final class Intake {
    private static final Logger log = LoggerFactory.getLogger(Intake.class);

    private final BufferCaps caps;
    private final SinkTaskContext context;
    /** The partitions paused because the task held more than its caps; empty when none are. */
    private Set<TopicPartition> held = Set.of();

    public Intake(BufferCaps caps, SinkTaskContext context) {
        this.caps = caps;
        this.context = context;
    }

    /** After a put: writes, pauses or resumes as what {@code w} holds asks. */
    public void holdBack(SinkWriter w, long deadline) throws WriteFailure {
        if (caps.exceeded(w.bufferedRecords(), w.bufferedBytes())) {
            w.relieve(caps, deadline);
        }
        long records = w.bufferedRecords();
        long bytes = w.bufferedBytes();
        if (caps.exceeded(records, bytes)) {
            if (held.isEmpty()) {
                log.info("Holding {} records ({} bytes of rows), past {} or {}: taking no more until Kinetica has "
                        + "half of them", records, bytes, WriteOptions.MAX_BUFFERED_RECORDS,
                        WriteOptions.MAX_BUFFERED_BYTES);
            }
            held = Set.copyOf(context.assignment());
            context.pause(held.toArray(TopicPartition[]::new));
        } else if (!held.isEmpty() && caps.halfFree(records, bytes)) {
            Set<TopicPartition> resume = new HashSet<>(held);
            resume.retainAll(context.assignment());
            context.resume(resume.toArray(TopicPartition[]::new));
            held = Set.of();
            log.info("Holding {} records: taking records again", records);
        }
    }
}

package com.kinetica.kafka.sink;

import org.apache.kafka.connect.sink.SinkRecord;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The records taken in since the last put that went through. When a put fails part way with a
 * RetriableException, Connect hands the same batch again, the same record instances: those
 * already taken are skipped, so nothing is buffered twice. Known by instance, not by topic and
 * offset: before Connect 3.6 a transform may have renamed the topic, and two topics routed to one
 * name share offsets.
 */
final class TakenRecords {
    private final Set<SinkRecord> taken = Collections.newSetFromMap(new IdentityHashMap<>());

    boolean isNew(SinkRecord record) {
        return !taken.contains(record);
    }

    void taken(SinkRecord record) {
        taken.add(record);
    }

    /** A put went through: Connect hands none of its records again. */
    void clear() {
        taken.clear();
    }
}

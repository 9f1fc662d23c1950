package com.kinetica.kafka.sink;

import org.apache.kafka.connect.sink.SinkRecord;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The records taken in since the last put that went through. When a put fails part way with a
 * RetriableException, Connect hands the same batch again, the same record instances: those
 * already taken are skipped, so nothing is buffered twice. Known by instance, not by topic and
 * offset: before Connect 3.6 a transform may have renamed the topic, and two topics routed to one
 * name share offsets. A put that goes through, the common case, only lists what it takes.
 */
final class TakenRecords {
    private final List<SinkRecord> thisPut = new ArrayList<>();
    /** What puts that failed took; empty while puts go through. */
    private final Set<SinkRecord> byFailedPuts = Collections.newSetFromMap(new IdentityHashMap<>());

    /** A put begins: what the last one took, when it did not go through, is skipped if handed again. */
    void begin() {
        byFailedPuts.addAll(thisPut);
        thisPut.clear();
    }

    boolean isNew(SinkRecord record) {
        return byFailedPuts.isEmpty() || !byFailedPuts.contains(record);
    }

    void taken(SinkRecord record) {
        thisPut.add(record);
    }

    /** A put went through: Connect hands none of its records again. */
    void clear() {
        thisPut.clear();
        byFailedPuts.clear();
    }
}

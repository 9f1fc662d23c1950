package com.kinetica.kafka.sink;

import com.kinetica.kafka.schema.TableId;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a task holds that Kinetica has not acknowledged: a buffer per table and the batch
 * being written in the background. Says how much that is, which offsets may be committed while it
 * waits, and what goes when partitions are revoked.
 */
final class TaskBuffers {
    private final Map<TableId, TableBuffer> buffers = new LinkedHashMap<>();
    private final BackgroundWrite background;
    /** False when a transform may have renamed topics on a worker that does not say where records came from. */
    private final boolean originsKnown;

    TaskBuffers(BackgroundWrite background, boolean originsKnown) {
        this.background = background;
        this.originsKnown = originsKnown;
    }

    TableBuffer get(TableId id) {
        return buffers.get(id);
    }

    TableBuffer getOrCreate(TableStructure s) {
        return buffers.computeIfAbsent(s.id(), id -> new TableBuffer(id, s.type()));
    }

    /** The buffers, in the order their tables were first written to; a copy, for loops that write. */
    List<TableBuffer> all() {
        return List.copyOf(buffers.values());
    }

    boolean any() {
        return background.busy() || buffers.values().stream().anyMatch(b -> !b.isEmpty());
    }

    long records() {
        long n = background.records();
        for (TableBuffer b : buffers.values()) {
            n += b.size();
        }
        return n;
    }

    long bytes() {
        long n = background.bytes();
        for (TableBuffer b : buffers.values()) {
            n += b.bytes();
        }
        return n;
    }

    /** The buffer holding the most bytes, or null when all are empty. */
    TableBuffer fullest() {
        TableBuffer fullest = null;
        for (TableBuffer b : buffers.values()) {
            if (!b.isEmpty() && (fullest == null || b.bytes() > fullest.bytes())) {
                fullest = b;
            }
        }
        return fullest;
    }

    /**
     * The offsets to commit: per partition, those the worker consumed, lowered to the first record
     * still held. A partition whose records are all in Kinetica commits whatever other tables or
     * partitions are doing. While a record is unwritten whose partition cannot be named (a
     * transform renamed its topic on a worker before 3.6), nothing is committed: it may come from
     * any partition.
     */
    Map<TopicPartition, OffsetAndMetadata> committable(Map<TopicPartition, OffsetAndMetadata> consumed,
                                                       Set<TopicPartition> assigned) {
        Map<TopicPartition, Long> firstUnwritten = new HashMap<>();
        buffers.values().forEach(b -> b.firstOffsets(firstUnwritten));
        background.firstOffsets(firstUnwritten);
        if (!firstUnwritten.isEmpty() && !(originsKnown && assigned.containsAll(firstUnwritten.keySet()))) {
            return Map.of();
        }
        Map<TopicPartition, OffsetAndMetadata> committable = new HashMap<>(consumed);
        firstUnwritten.forEach((tp, offset) -> committable.computeIfPresent(tp,
                (p, c) -> offset < c.offset() ? new OffsetAndMetadata(offset, c.metadata()) : c));
        return committable;
    }

    /**
     * Forgets records of partitions this task no longer owns: their new owner reads them again
     * from the last commit, which is not past them. Records whose partition cannot be named are
     * forgotten only when every partition goes; when some stay, they are kept and written, at least
     * once: the new owner of their partition may write them too. The batch in flight must have
     * been awaited.
     */
    void discard(Collection<TopicPartition> revoked, Set<TopicPartition> assigned) {
        Set<TopicPartition> gone = new HashSet<>(revoked);
        boolean all = gone.containsAll(assigned);
        buffers.values().forEach(b -> b.discard(tp -> all || originsKnown && gone.contains(tp)));
    }
}

package com.kinetica.kafka.sink;

import com.gpudb.Type;
import com.kinetica.kafka.schema.TableId;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What waits to be written to one table, in record order: rows (converted for {@link #type()})
 * and deletes, each a {@link Write} with (a copy of) its record. Data only: the writer fills it,
 * the flusher empties it.
 */
final class TableBuffer {
    private final TableId id;
    private Type type;
    private final List<Write> writes = new ArrayList<>();
    /** The size of the buffered writes, as {@link Write#size} counts it. */
    private long bytes;

    TableBuffer(TableId id, Type type) {
        this.id = id;
        this.type = type;
    }

    TableId id() {
        return id;
    }

    /** The table type the buffered rows were converted for. */
    Type type() {
        return type;
    }

    int size() {
        return writes.size();
    }

    boolean isEmpty() {
        return writes.isEmpty();
    }

    long bytes() {
        return bytes;
    }

    void add(Write write) {
        writes.add(write);
        bytes += write.size();
    }

    Write write(int i) {
        return writes.get(i);
    }

    /** Writes {@code from} to {@code to}, exclusive. */
    List<Write> writes(int from, int to) {
        return writes.subList(from, to);
    }

    /** Forgets the first {@code n} writes: Kinetica has them (or error handling took them). */
    void dropFirst(int n) {
        List<Write> dropped = writes.subList(0, n);
        dropped.forEach(w -> bytes -= w.size());
        dropped.clear();
    }

    /** Moves the first {@code n} writes into a buffer of their own, to be written apart (in the background). */
    TableBuffer takeFirst(int n) {
        TableBuffer taken = new TableBuffer(id, type);
        List<Write> first = writes.subList(0, n);
        taken.writes.addAll(first);
        first.forEach(w -> taken.bytes += w.size());
        bytes -= taken.bytes;
        first.clear();
        return taken;
    }

    /** Puts back, in front, what {@link #takeFirst} took and could not be written. */
    void putBackFirst(TableBuffer taken) {
        writes.addAll(0, taken.writes);
        bytes += taken.bytes;
    }

    /** Reduces the buffered change events to the last per key ({@link ChangeReduction}). */
    void reduceChanges() {
        List<Write> reduced = ChangeReduction.reduce(writes, DeleteExpressions.primaryKeyColumns(type));
        if (reduced != writes) {
            writes.clear();
            bytes = 0;
            reduced.forEach(this::add);
        }
    }

    /** Empties the buffer for a new table type and returns its writes, in order, to be converted again. */
    List<Write> takeForRetype(Type newType) {
        List<Write> taken = new ArrayList<>(writes);
        writes.clear();
        bytes = 0;
        type = newType;
        return taken;
    }

    /** Drops what came from the partitions {@code gone} names. */
    void discard(Predicate<TopicPartition> gone) {
        for (int i = writes.size() - 1; i >= 0; i--) {
            if (gone.test(Coordinates.partitionOf(writes.get(i).source()))) {
                bytes -= writes.remove(i).size();
            }
        }
    }

    /** Lowers, per partition, the offset in {@code firstUnwritten} to that of the first buffered record. */
    void firstOffsets(Map<TopicPartition, Long> firstUnwritten) {
        // writes come in runs of one partition: one map update per run
        SinkRecord run = null;
        long first = Long.MAX_VALUE;
        for (Write w : writes) {
            SinkRecord r = w.source();
            if (run != null && !Coordinates.samePartition(run, r)) {
                firstUnwritten.merge(Coordinates.partitionOf(run), first, Math::min);
                first = Long.MAX_VALUE;
            }
            run = r;
            first = Math.min(first, Coordinates.offsetOf(r));
        }
        if (run != null) {
            firstUnwritten.merge(Coordinates.partitionOf(run), first, Math::min);
        }
    }
}

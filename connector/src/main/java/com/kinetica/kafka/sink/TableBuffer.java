package com.kinetica.kafka.sink;

import com.gpudb.GenericRecord;
import com.gpudb.Type;
import com.kinetica.kafka.schema.TableId;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What waits to be written to one table, in record order: rows (converted for {@link #type()})
 * and delete expressions, each with the record it came from. Data only: the writer fills it,
 * the flusher empties it.
 */
final class TableBuffer {
    private final TableId id;
    private Type type;
    /** A {@link GenericRecord} to insert or a {@link String} delete expression, per record. */
    private final List<Object> writes = new ArrayList<>();
    private final List<SinkRecord> sources = new ArrayList<>();
    /** The size of the buffered writes, as {@link #sizeOf} counts it. */
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

    void addRow(GenericRecord row, SinkRecord source) {
        writes.add(row);
        sources.add(source);
        bytes += sizeOf(row);
    }

    void addDelete(String expression, SinkRecord source) {
        writes.add(expression);
        sources.add(source);
        bytes += sizeOf(expression);
    }

    /**
     * What a write counts against the task's bytes cap: the lengths of its text and bytes values,
     * 8 bytes for any other value. Cheap, and proportional to what it holds on the heap.
     */
    static long sizeOf(Object write) {
        if (write instanceof String expression) {
            return expression.length();
        }
        GenericRecord row = (GenericRecord) write;
        long size = 0;
        for (int i = 0, n = row.getType().getColumnCount(); i < n; i++) {
            Object value = row.get(i);
            if (value instanceof CharSequence text) {
                size += text.length();
            } else if (value instanceof ByteBuffer buffer) {
                size += buffer.remaining();
            } else {
                size += 8;
            }
        }
        return size;
    }

    Object write(int i) {
        return writes.get(i);
    }

    SinkRecord source(int i) {
        return sources.get(i);
    }

    /** Rows {@code from} to {@code to}, exclusive; all of them rows. */
    @SuppressWarnings("unchecked")
    List<GenericRecord> rows(int from, int to) {
        return (List<GenericRecord>) (List<?>) writes.subList(from, to);
    }

    @SuppressWarnings("unchecked")
    List<String> deletes(int from, int to) {
        return (List<String>) (List<?>) writes.subList(from, to);
    }

    /** Forgets the first {@code n} writes: Kinetica has them (or error handling took them). */
    void dropFirst(int n) {
        List<Object> dropped = writes.subList(0, n);
        dropped.forEach(w -> bytes -= sizeOf(w));
        dropped.clear();
        sources.subList(0, n).clear();
    }

    /** Moves the first {@code n} writes into a buffer of their own, to be written apart (in the background). */
    TableBuffer takeFirst(int n) {
        TableBuffer taken = new TableBuffer(id, type);
        for (int i = 0; i < n; i++) {
            taken.writes.add(writes.get(i));
            taken.sources.add(sources.get(i));
            taken.bytes += sizeOf(writes.get(i));
        }
        dropFirst(n);
        return taken;
    }

    /** Puts back, in front, what {@link #takeFirst} took and could not be written. */
    void putBackFirst(TableBuffer taken) {
        writes.addAll(0, taken.writes);
        sources.addAll(0, taken.sources);
        bytes += taken.bytes;
    }

    /** Empties the buffer for a new table type and returns the records to convert again, in order. */
    List<SinkRecord> takeForRetype(Type newType) {
        List<SinkRecord> taken = new ArrayList<>(sources);
        writes.clear();
        sources.clear();
        bytes = 0;
        type = newType;
        return taken;
    }

    /** Drops what came from the partitions {@code gone} names. */
    void discard(Predicate<TopicPartition> gone) {
        for (int i = writes.size() - 1; i >= 0; i--) {
            if (gone.test(Coordinates.partitionOf(sources.get(i)))) {
                bytes -= sizeOf(writes.remove(i));
                sources.remove(i);
            }
        }
    }

    /** Lowers, per partition, the offset in {@code firstUnwritten} to that of the first buffered record. */
    void firstOffsets(Map<TopicPartition, Long> firstUnwritten) {
        for (SinkRecord r : sources) {
            firstUnwritten.merge(Coordinates.partitionOf(r), Coordinates.offsetOf(r), Math::min);
        }
    }
}

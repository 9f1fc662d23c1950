package com.kinetica.kafka.sink;

import com.gpudb.GenericRecord;
import org.apache.kafka.connect.sink.SinkRecord;

import java.nio.ByteBuffer;

/**
 * One change a {@link TableBuffer} holds for its table, with what it keeps of the record it came
 * from ({@link HeldRecords}). Code that treats kinds apart switches on {@link #kind()}.
 */
sealed interface Write {
    enum Kind {
        /** A row, inserted as {@code kinetica.tables.update_on_existing_pk} says. */
        ROW,
        /** A change event's row: replaces the row of its key, whatever that option says. */
        UPSERT,
        /** Deletes the rows an expression names. */
        DELETE,
        /** Deletes every row of the table. */
        TRUNCATE
    }

    Kind kind();

    SinkRecord source();

    /**
     * What the write counts against the task's bytes cap: the lengths of its text and bytes values,
     * 8 bytes for any other value. Cheap, and proportional to what it holds on the heap.
     */
    long size();

    /**
     * A row to write, converted for the buffer's table type.
     *
     * @param upsert whether it is a change event's row ({@link Kind#UPSERT}), else a plain one
     * @param size   what it counts against the bytes cap, counted once ({@link #of})
     */
    record Row(GenericRecord row, SinkRecord source, boolean upsert, long size) implements Write {
        static Row of(GenericRecord row, SinkRecord source, boolean upsert) {
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
            return new Row(row, source, upsert, size);
        }

        @Override
        public Kind kind() {
            return upsert ? Kind.UPSERT : Kind.ROW;
        }
    }

    /**
     * The rows a /delete/records expression names, e.g. {@code id = 7}.
     *
     * @param key what the expression was made from: the record key, or a change event's row before
     */
    record Delete(String expression, Object key, SinkRecord source) implements Write {
        @Override
        public Kind kind() {
            return Kind.DELETE;
        }

        @Override
        public long size() {
            return expression.length();
        }
    }

    /** A change event's truncate: the table emptied, in its place among the other writes. */
    record Truncate(SinkRecord source) implements Write {
        @Override
        public Kind kind() {
            return Kind.TRUNCATE;
        }

        @Override
        public long size() {
            return 0;
        }
    }
}

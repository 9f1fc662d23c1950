package com.kinetica.kafka.sink;

import com.gpudb.GenericRecord;
import org.apache.kafka.connect.sink.SinkRecord;

import java.nio.ByteBuffer;

/**
 * One change a {@link TableBuffer} holds for its table, with the record it came from. Code that
 * treats kinds apart switches on {@link #kind()}.
 */
sealed interface Write {
    enum Kind { ROW, DELETE }

    Kind kind();

    SinkRecord source();

    /**
     * What the write counts against the task's bytes cap: the lengths of its text and bytes values,
     * 8 bytes for any other value. Cheap, and proportional to what it holds on the heap.
     */
    long size();

    /** A row to insert, converted for the buffer's table type. */
    record Row(GenericRecord row, SinkRecord source) implements Write {
        @Override
        public Kind kind() {
            return Kind.ROW;
        }

        @Override
        public long size() {
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
    }

    /** The rows a /delete/records expression names, e.g. {@code id = 7}. */
    record Delete(String expression, SinkRecord source) implements Write {
        @Override
        public Kind kind() {
            return Kind.DELETE;
        }

        @Override
        public long size() {
            return expression.length();
        }
    }
}

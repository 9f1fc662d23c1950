package dev.kconnect.sandbox.kinetica.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Binary records appended into large byte chunks, addressed by a long reference
 * (chunk index, offset). Each record is prefixed by its length, negated once the record is
 * deleted or replaced. Storing a million rows this way makes no per-row objects for the
 * garbage collector to copy, which is what keeps inserts fast on a busy JVM.
 */
final class RowStore {
    private static final int CHUNK_SIZE = 4 << 20;

    private final List<byte[]> chunks = new ArrayList<>();
    private int used = CHUNK_SIZE;
    private int live;
    private long liveBytes;
    private long deadBytes;

    /** Visits live records in the order they were appended. */
    interface Visitor {
        void visit(long ref, byte[] chunk, int offset, int length);
    }

    long append(byte[] record, int offset, int length) {
        if (length <= 0) {
            throw new IllegalArgumentException("empty record");
        }
        int needed = length + 4;
        if (used + needed > currentSize()) {
            chunks.add(new byte[Math.max(CHUNK_SIZE, needed + 4)]);
            used = 0;
        }
        byte[] chunk = chunks.get(chunks.size() - 1);
        writeInt(chunk, used, length);
        System.arraycopy(record, offset, chunk, used + 4, length);
        long ref = ((long) (chunks.size() - 1) << 32) | used;
        used += needed;
        live++;
        liveBytes += length;
        return ref;
    }

    private int currentSize() {
        return chunks.isEmpty() ? 0 : chunks.get(chunks.size() - 1).length;
    }

    /** Marks a record deleted; its bytes stay until the table is rewritten. */
    void kill(long ref) {
        byte[] chunk = chunks.get((int) (ref >>> 32));
        int offset = (int) ref;
        int length = readInt(chunk, offset);
        if (length > 0) {
            writeInt(chunk, offset, -length);
            live--;
            liveBytes -= length;
            deadBytes += length;
        }
    }

    /** The record's bytes, also once it is deleted (until the table is rewritten). */
    ByteBuffer slice(long ref) {
        byte[] chunk = chunks.get((int) (ref >>> 32));
        int offset = (int) ref;
        return ByteBuffer.wrap(chunk, offset + 4, Math.abs(readInt(chunk, offset))).slice();
    }

    /** The reference the next record will get or exceed: references grow in the order records are appended. */
    long end() {
        return chunks.isEmpty() ? 0 : ((long) (chunks.size() - 1) << 32) | used;
    }

    void forEach(Visitor visitor) {
        forEachFrom(0, visitor);
    }

    /** Visits the live records appended at or after {@code from}, a reference or {@link #end()}. */
    void forEachFrom(long from, Visitor visitor) {
        for (int c = (int) (from >>> 32); c < chunks.size(); c++) {
            byte[] chunk = chunks.get(c);
            int offset = c == (int) (from >>> 32) ? (int) from : 0;
            // a zero length ends a chunk: records are never empty and new chunks are zero-filled
            while (offset + 4 <= chunk.length) {
                int length = readInt(chunk, offset);
                if (length == 0) {
                    break;
                }
                if (length > 0) {
                    visitor.visit(((long) c << 32) | offset, chunk, offset + 4, length);
                }
                offset += 4 + Math.abs(length);
            }
        }
    }

    int size() {
        return live;
    }

    /** True when deleted and replaced records take more room than live ones (and enough to matter). */
    boolean wasteful() {
        return deadBytes > liveBytes && deadBytes > CHUNK_SIZE;
    }

    private static int readInt(byte[] chunk, int offset) {
        return (chunk[offset] & 0xff) << 24 | (chunk[offset + 1] & 0xff) << 16
                | (chunk[offset + 2] & 0xff) << 8 | (chunk[offset + 3] & 0xff);
    }

    private static void writeInt(byte[] chunk, int offset, int value) {
        chunk[offset] = (byte) (value >>> 24);
        chunk[offset + 1] = (byte) (value >>> 16);
        chunk[offset + 2] = (byte) (value >>> 8);
        chunk[offset + 3] = (byte) value;
    }
}

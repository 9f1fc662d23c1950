package dev.kconnect.sandbox.kinetica.store;

import java.util.Arrays;

/**
 * Primary key index: open addressing over primitive arrays (key hash, record reference), so
 * that it holds no object per row. Keys are not stored; a hash match is confirmed by reading the
 * key back from the record.
 */
final class KeyIndex {
    /** Reads the primary key of a stored record. */
    interface KeyReader {
        Object keyAt(long ref);
    }

    private static final long EMPTY = 0;
    private static final long REMOVED = -1;

    private final KeyReader reader;
    private int[] hashes = new int[16];
    /** ref + 1, so that 0 means empty. */
    private long[] refs = new long[16];
    private int occupied;

    KeyIndex(KeyReader reader) {
        this.reader = reader;
    }

    /** The reference of the record with this key, or -1. */
    long find(Object key) {
        int slot = slotOf(key, key.hashCode());
        return slot < 0 || refs[slot] <= 0 ? -1 : refs[slot] - 1;
    }

    /** Points the key at a record; returns the previous record's reference, or -1. */
    long put(Object key, long ref) {
        int hash = key.hashCode();
        int slot = slotOf(key, hash);
        if (slot >= 0 && refs[slot] > 0) {
            long previous = refs[slot] - 1;
            refs[slot] = ref + 1;
            return previous;
        }
        if ((occupied + 1) * 2 > refs.length) {
            grow();
        }
        slot = freeSlot(hash);
        if (refs[slot] == EMPTY) {
            occupied++;
        }
        hashes[slot] = hash;
        refs[slot] = ref + 1;
        return -1;
    }

    void remove(Object key) {
        int slot = slotOf(key, key.hashCode());
        if (slot >= 0 && refs[slot] > 0) {
            refs[slot] = REMOVED;
        }
    }

    /** The slot holding {@code key}, or -1. */
    private int slotOf(Object key, int hash) {
        int mask = refs.length - 1;
        for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
            long ref = refs[slot];
            if (ref == EMPTY) {
                return -1;
            }
            if (ref > 0 && hashes[slot] == hash && key.equals(reader.keyAt(ref - 1))) {
                return slot;
            }
        }
    }

    private int freeSlot(int hash) {
        int mask = refs.length - 1;
        int slot = mix(hash) & mask;
        while (refs[slot] > 0) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        int[] oldHashes = hashes;
        long[] oldRefs = refs;
        int live = 0;
        for (long ref : oldRefs) {
            live += ref > 0 ? 1 : 0;
        }
        int capacity = Integer.highestOneBit(Math.max(16, live * 4));
        hashes = new int[capacity];
        refs = new long[capacity];
        Arrays.fill(refs, EMPTY);
        occupied = 0;
        for (int i = 0; i < oldRefs.length; i++) {
            if (oldRefs[i] > 0) {
                int slot = freeSlot(oldHashes[i]);
                hashes[slot] = oldHashes[i];
                refs[slot] = oldRefs[i];
                occupied++;
            }
        }
    }

    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}

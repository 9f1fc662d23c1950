package com.kinetica.kafka.source;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows a table monitor delivered for one table and not yet taken, in the order published,
 * and whether any may be missing since the last take (a gap: the connection dropped or came up,
 * or more rows came than this holds). Rows before a gap are dropped with it: a read from the
 * table's offset finds them anyway. Filled by the subscriber's thread, taken by the task's.
 */
final class PushedRows {
    /** What a take returns: whether a gap came since the last one, and the messages after it. */
    record Taken(boolean gap, List<List<ByteBuffer>> messages) {
        boolean hasRows() {
            return !messages.isEmpty();
        }
    }

    private final int capacity;
    private final Wakeup wakeup;
    private List<List<ByteBuffer>> messages = new ArrayList<>();
    private int rows;
    private boolean gap;

    /** @param capacity the most rows held; past it, a read of the table is cheaper than the messages */
    PushedRows(int capacity, Wakeup wakeup) {
        this.capacity = capacity;
        this.wakeup = wakeup;
    }

    void add(List<ByteBuffer> message) {
        synchronized (this) {
            if (rows + message.size() > capacity) {
                markGap();
            } else {
                messages.add(message);
                rows += message.size();
            }
        }
        wakeup.signal();
    }

    /** Rows may have been published that never came. */
    synchronized void gap() {
        markGap();
    }

    private void markGap() {
        messages = new ArrayList<>();
        rows = 0;
        gap = true;
    }

    synchronized Taken take() {
        Taken taken = new Taken(gap, messages);
        messages = new ArrayList<>();
        rows = 0;
        gap = false;
        return taken;
    }
}

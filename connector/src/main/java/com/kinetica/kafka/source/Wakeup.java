package com.kinetica.kafka.source;

/**
 * Where a task waits between polls: for the poll interval, or until a table monitor delivers rows
 * or the task stops, whichever comes first. A signal given while nobody waits ends the next wait at
 * once, so rows published between two polls are never left waiting for the interval.
 */
public final class Wakeup {
    private boolean signalled;
    private boolean stopped;

    public synchronized void signal() {
        signalled = true;
        notifyAll();
    }

    public synchronized void stop() {
        stopped = true;
        notifyAll();
    }

    /** Waits up to {@code millis}, less when signalled or stopped; takes the signal. */
    public synchronized void await(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        long left = millis;
        while (!signalled && !stopped && left > 0) {
            wait(left);
            left = deadline - System.currentTimeMillis();
        }
        signalled = false;
    }
}

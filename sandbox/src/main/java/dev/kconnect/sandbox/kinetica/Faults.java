package dev.kconnect.sandbox.kinetica;

import dev.kconnect.sandbox.kinetica.endpoint.Refusals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection for tests: take the emulator down (connection refused) and up again, answer
 * the next calls with a Kinetica error, refuse chosen records, reject credentials, slow every
 * call down, or hang (take calls in and answer none). Stored data always survives.
 */
public final class Faults {
    /** What going down and up does to the server; implemented by the emulator. */
    interface Switch {
        void down();

        void downWorkers();

        void up();
    }

    static final String DEFAULT_FAILURE = "Injected fault: the emulator refuses this call";

    private final Switch power;
    private final Refusals refusals;
    private final AtomicInteger failures = new AtomicInteger();
    private volatile String failure = DEFAULT_FAILURE;
    private volatile Duration latency = Duration.ZERO;
    private volatile boolean deniedCredentials;
    /** Whether the head node's port is closed now. */
    private volatile boolean down;
    /** When a timed outage ends (epoch ms), or 0. */
    private volatile long downUntil;
    private ScheduledExecutorService timer;
    private final List<ScheduledFuture<?>> planned = new ArrayList<>();
    /** While hung, the answers owed to the calls taken in; guarded by this. */
    private final List<Runnable> held = new ArrayList<>();
    private boolean hung;

    Faults(Refusals refusals, Switch power) {
        this.refusals = refusals;
        this.power = power;
    }

    /**
     * Closes the listening sockets (of every rank) and open connections: clients get "connection
     * refused" until {@link #up()}.
     */
    public void down() {
        down = true;
        power.down();
    }

    /**
     * Closes the worker ranks' sockets only, as when Connect can reach the head node but not the
     * rank URLs it lists: multi-head inserts fail while the head still answers. {@link #up()} reopens them.
     */
    public void downWorkerRanks() {
        power.downWorkers();
    }

    /**
     * Goes {@link #down()} after {@code delay} and comes back {@link #up()} by itself
     * {@code duration} later: an outage of a known length, for callers that cannot call up.
     */
    public synchronized void downFor(Duration duration, Duration delay) {
        cancelPlanned();
        downUntil = System.currentTimeMillis() + delay.toMillis() + duration.toMillis();
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "kinetica-emulator-outage");
                t.setDaemon(true);
                return t;
            });
        }
        planned.add(timer.schedule(this::down, delay.toMillis(), TimeUnit.MILLISECONDS));
        planned.add(timer.schedule(this::up, delay.toMillis() + duration.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** Listens again on the same ports, with all tables as they were; ends a timed outage early. */
    public synchronized void up() {
        cancelPlanned();
        downUntil = 0;
        power.up();
        down = false;
    }

    private void cancelPlanned() {
        planned.forEach(f -> f.cancel(false));
        planned.clear();
    }

    /** Whether the emulator refuses connections now. */
    boolean isDown() {
        return down;
    }

    /** How long a timed outage still lasts, in milliseconds; 0 when none is planned. */
    long downForMs() {
        long until = downUntil;
        return until == 0 ? 0 : Math.max(0, until - System.currentTimeMillis());
    }

    /** The next {@code calls} requests are answered with a Kinetica error instead of being served. */
    public void failNext(int calls) {
        failNext(calls, DEFAULT_FAILURE);
    }

    /**
     * The next {@code calls} requests are answered with a Kinetica error carrying {@code message};
     * e.g. "Kinetica is offline" makes the client treat the server as down rather than the request as bad.
     */
    public void failNext(int calls, String message) {
        if (calls < 0) {
            throw new IllegalArgumentException("calls must be >= 0, not " + calls);
        }
        failure = message;
        failures.set(calls);
    }

    /**
     * Inserts holding a record whose {@code column} holds {@code value} (compared as text) are
     * refused as Kinetica refuses a record that breaks a constraint; all other calls succeed.
     */
    public void refuseRecords(String column, Object value) {
        refusals.refuse(column, value);
    }

    /**
     * Every call is answered 401, as when the user's password changed on the server: the
     * connector's credentials stop working until {@link #reset()}.
     */
    public void denyCredentials() {
        deniedCredentials = true;
    }

    boolean denyingCredentials() {
        return deniedCredentials;
    }

    /** Waits {@code delay} before serving every request. */
    public void latency(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + delay);
        }
        latency = delay;
    }

    /**
     * Takes calls in and answers none of them, nor closes their connections, until {@link #reset()}:
     * a hung server, or one behind a firewall that drops its packets once connections are made.
     * The calls held are then carried out, late, as by a server that wakes up; a client that
     * timed out meanwhile gets no answer but its call still counts.
     */
    public synchronized void hang() {
        hung = true;
    }

    public synchronized boolean hung() {
        return hung;
    }

    /** Holds {@code answer} while hung, and says so; false when the call is to be served now. */
    synchronized boolean holdWhileHung(Runnable answer) {
        if (hung) {
            held.add(answer);
        }
        return hung;
    }

    /** All faults off: up, no failures, no latency, credentials accepted, no hang (the calls it held are carried out now). */
    public void reset() {
        deniedCredentials = false;
        failures.set(0);
        failure = DEFAULT_FAILURE;
        latency = Duration.ZERO;
        refusals.clear();
        up();
        List<Runnable> late;
        synchronized (this) {
            hung = false;
            late = List.copyOf(held);
            held.clear();
        }
        late.forEach(Runnable::run);
    }

    /** Takes one planned failure: its message, or null when none is left. */
    String takeFailure() {
        return failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? failure : null;
    }

    /** Calls still to be failed by {@link #failNext}. */
    public int failuresLeft() {
        return failures.get();
    }

    /** The record refusal in force, as text, if any. */
    Optional<String> refusing() {
        return refusals.describe();
    }

    Duration latency() {
        return latency;
    }
}

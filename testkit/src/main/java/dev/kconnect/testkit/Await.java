package dev.kconnect.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The one way tests wait: poll a real condition until it holds or a deadline passes. */
public final class Await {
    private static final Duration POLL = Duration.ofMillis(100);

    private Await() {
    }

    /** Returns once {@code condition} holds; fails naming {@code what} after {@code timeout}. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        until(what, timeout, condition, () -> "");
    }

    /** The same, the failure ending with {@code details} as they are then (a status, a process's output). */
    public static void until(String what, Duration timeout, BooleanSupplier condition, Supplier<String> details) {
        if (!poll(timeout, condition::getAsBoolean, done -> done)) {
            throw new AssertionError("gave up after " + timeout.toSeconds() + " s waiting for " + what + details.get());
        }
    }

    /** The first value of {@code value} that {@code done} accepts; fails with the last one after {@code timeout}. */
    public static <T> T value(String what, Duration timeout, Supplier<T> value, Predicate<? super T> done) {
        T last = poll(timeout, value, done);
        if (!done.test(last)) {
            throw new AssertionError("gave up after " + timeout.toSeconds() + " s waiting for " + what + "; last: " + last);
        }
        return last;
    }

    /**
     * The first value of {@code value} that {@code done} accepts, or the last one after {@code timeout}:
     * for callers whose own assertion on it says more than a timeout would.
     */
    public static <T> T poll(Duration timeout, Supplier<T> value, Predicate<? super T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = value.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            last = value.get();
        }
        return last;
    }
}

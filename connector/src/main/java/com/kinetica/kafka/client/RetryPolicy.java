package com.kinetica.kafka.client;

import com.kinetica.kafka.config.RetryLimits;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Rides out failures that pass (Kinetica down, slow or answering server-wide errors). Each
 * failure becomes a {@link RetriableException}: Connect waits the backoff (set through the task
 * context: nothing sleeps inside {@code put}) and hands the same records again. The backoff
 * doubles from the first wait up to its ceiling. Past the time budget, or past an explicit retry
 * count (old config files), the failure becomes a {@link ConnectException} that fails the task
 * and says which option to raise.
 */
public final class RetryPolicy {
    /** Sets how long Connect waits before redelivering; {@code SinkTaskContext::timeout}. */
    public interface Backoff {
        void waitBeforeRetry(long ms);
    }

    private final RetryLimits limits;
    private final Backoff backoff;
    private final LongSupplier clock;
    private int failures;
    private long failingSince;

    public RetryPolicy(RetryLimits limits, Backoff backoff, LongSupplier clock) {
        this.limits = limits;
        this.backoff = backoff;
        this.clock = clock;
    }

    public RetryPolicy(RetryLimits limits, Backoff backoff) {
        this(limits, backoff, System::currentTimeMillis);
    }

    public void succeeded() {
        failures = 0;
    }

    /** Whether the last call failed and nothing succeeded since. */
    public boolean failing() {
        return failures > 0;
    }

    /**
     * Records a failure of {@code what} (a sentence naming the server) and returns the exception
     * to throw for it.
     */
    public RuntimeException failed(String what, Throwable cause) {
        long now = clock.getAsLong();
        if (failures++ == 0) {
            failingSince = now;
        }
        long elapsed = now - failingSince;
        if (limits.maxRetries() >= 0 && failures > limits.maxRetries()) {
            return new ConnectException(what + " failed " + failures + " time(s) in " + human(elapsed)
                    + ", giving up: " + Failures.reason(cause) + ". kinetica.retry_count=" + limits.maxRetries()
                    + " limits the retries; remove it to retry for kinetica.retry_timeout_ms instead", cause);
        }
        if (elapsed >= limits.budgetMs()) {
            return new ConnectException(what + " kept failing for " + human(elapsed) + " (" + failures
                    + " attempts), giving up: " + Failures.reason(cause) + ". Raise kinetica.retry_timeout_ms (now "
                    + limits.budgetMs() + ") to wait longer", cause);
        }
        long wait = Math.min(nextWait(), limits.budgetMs() - elapsed);
        backoff.waitBeforeRetry(wait);
        return new RetriableException(what + " failed (attempt " + failures + ", failing for " + human(elapsed)
                + ", retrying within " + wait + " ms): " + Failures.reason(cause), cause);
    }

    private long nextWait() {
        long wait = limits.firstBackoffMs();
        for (int i = 1; i < failures && wait < limits.maxBackoffMs(); i++) {
            wait *= 2;
        }
        return Math.max(0, Math.min(wait, Math.max(limits.firstBackoffMs(), limits.maxBackoffMs())));
    }

    static String human(long ms) {
        Duration d = Duration.ofMillis(ms);
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return d.toSeconds() + " s";
        }
        return d.toMinutes() + " min " + d.toSecondsPart() + " s";
    }
}

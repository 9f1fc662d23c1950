package com.kinetica.kafka.client;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;

/**
 * Counts consecutive failed writes. Within the budget a failure becomes a
 * {@link RetriableException} (Connect waits {@code backoffMs}, set through the task context,
 * and redelivers); past it, a {@link ConnectException} that fails the task.
 */
public final class RetryPolicy {
    /** Sets how long Connect waits before redelivering; {@code SinkTaskContext::timeout}. */
    public interface Backoff {
        void waitBeforeRetry(long ms);
    }

    private final int retryCount;
    private final long backoffMs;
    private final Backoff backoff;
    private int failures;

    public RetryPolicy(int retryCount, long backoffMs, Backoff backoff) {
        this.retryCount = retryCount;
        this.backoffMs = backoffMs;
        this.backoff = backoff;
    }

    public void succeeded() {
        failures = 0;
    }

    /** True when the next failure would fail the task. */
    public boolean lastAttempt() {
        return failures >= retryCount;
    }

    /** Records a failure and returns the exception to throw for it. */
    public RuntimeException failed(String what, Throwable cause) {
        failures++;
        if (failures <= retryCount) {
            backoff.waitBeforeRetry(backoffMs);
            return new RetriableException(what + " (attempt " + failures + " of " + (retryCount + 1)
                    + ", retrying in " + backoffMs + " ms): " + Failures.summary(cause), cause);
        }
        return new ConnectException(what + " failed " + failures + " time(s), giving up (kinetica.retry_count="
                + retryCount + "): " + Failures.summary(cause), cause);
    }
}

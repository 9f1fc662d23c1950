package com.kinetica.kafka.source;

import com.kinetica.kafka.client.Failures;
import com.kinetica.kafka.config.KineticaSourceConfig;
import org.apache.kafka.connect.errors.ConnectException;

/** Counts failures in a row and says how long to wait before the next try: doubling, capped at a minute. */
public final class Backoff {
    static final long MAX_WAIT_MS = 60_000;

    private final long initialMs;
    private final int maxRetries;
    private int failures;

    /** @param maxRetries retries allowed in a row; -1 for no limit */
    public Backoff(long initialMs, int maxRetries) {
        this.initialMs = initialMs;
        this.maxRetries = maxRetries;
    }

    public void succeeded() {
        failures = 0;
    }

    /**
     * Records a failure.
     *
     * @return how long to wait before retrying, in milliseconds
     * @throws ConnectException with {@code what}, the setting and the cause's first line once the retries are used up
     */
    public long failed(String what, Exception cause) {
        failures++;
        if (maxRetries >= 0 && failures > maxRetries) {
            throw new ConnectException(what + " failed " + failures + " times in a row ("
                    + KineticaSourceConfig.MAX_RETRIES + "=" + maxRetries + "), giving up: " + Failures.reason(cause), cause);
        }
        long wait = initialMs;
        for (int i = 1; i < failures && wait < MAX_WAIT_MS; i++) {
            wait *= 2;
        }
        return Math.min(wait, MAX_WAIT_MS);
    }

    public int failures() {
        return failures;
    }
}

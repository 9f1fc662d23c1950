package com.kinetica.kafka.source;

import org.apache.kafka.connect.errors.ConnectException;
import com.kinetica.kafka.config.KineticaSourceConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {
    private final Exception cause = new Exception("connection refused");

    @Test
    void doublesUpToAMinuteAndResetsOnSuccess() {
        Backoff backoff = new Backoff(1000, -1);
        assertEquals(1000, backoff.failed("x", cause));
        assertEquals(2000, backoff.failed("x", cause));
        assertEquals(4000, backoff.failed("x", cause));
        for (int i = 0; i < 100; i++) {
            backoff.failed("x", cause);
        }
        assertEquals(Backoff.MAX_WAIT_MS, backoff.failed("x", cause));
        backoff.succeeded();
        assertEquals(1000, backoff.failed("x", cause));
    }

    @Test
    void givesUpAfterTheRetriesWithTheCause() {
        Backoff backoff = new Backoff(10, 2);
        backoff.failed("Reading Kinetica", cause);
        backoff.failed("Reading Kinetica", cause);
        ConnectException e = assertThrows(ConnectException.class, () -> backoff.failed("Reading Kinetica", cause));
        assertEquals("Reading Kinetica failed 3 times in a row (kinetica.source.max_retries=2), giving up: "
                + "connection refused", e.getMessage());
    }

    /** The budget kinetica-source.md documents: an outage fails the task after 63 s of waits. */
    @Test
    void theDefaultBudgetWaitsAMinuteInAllBeforeFailing() {
        KineticaSourceConfig defaults = new KineticaSourceConfig(Map.of("kinetica.url", "http://localhost:9191",
                "kinetica.table_names", "t"));
        Backoff backoff = new Backoff(defaults.retryBackoffMs(), defaults.maxRetries());
        long waited = 0;
        int attempts = 1;
        try {
            while (true) {
                waited += backoff.failed("Reading Kinetica", cause);
                attempts++;
            }
        } catch (ConnectException e) {
            assertEquals(7, attempts);
            assertEquals(63_000, waited);
        }
    }
}

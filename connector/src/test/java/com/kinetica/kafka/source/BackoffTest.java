package com.kinetica.kafka.source;

import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

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
        assertTrue(e.getMessage().startsWith("Reading Kinetica failed 3 times in a row"), e.getMessage());
        assertTrue(e.getMessage().endsWith("connection refused"), e.getMessage());
    }
}

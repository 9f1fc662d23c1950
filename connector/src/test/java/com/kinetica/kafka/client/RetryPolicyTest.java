package com.kinetica.kafka.client;

import com.gpudb.GPUdbException;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryPolicyTest {

    @Test
    void retriesWithBackoffThenGivesUp() {
        List<Long> waits = new ArrayList<>();
        RetryPolicy policy = new RetryPolicy(2, 250, waits::add);
        GPUdbException down = new GPUdbException("Connection refused", true);
        assertInstanceOf(RetriableException.class, policy.failed("writing", down));
        assertFalse(policy.lastAttempt());
        assertInstanceOf(RetriableException.class, policy.failed("writing", down));
        assertTrue(policy.lastAttempt());
        RuntimeException last = policy.failed("writing", down);
        assertEquals(ConnectException.class, last.getClass());
        assertTrue(last.getMessage().contains("kinetica.retry_count=2"), last.getMessage());
        assertEquals(List.of(250L, 250L), waits);
    }

    @Test
    void successResetsTheCount() {
        RetryPolicy policy = new RetryPolicy(1, 0, ms -> { });
        policy.failed("w", new GPUdbException("x"));
        policy.succeeded();
        assertInstanceOf(RetriableException.class, policy.failed("w", new GPUdbException("x")));
    }

    @Test
    void classifiesConnectionFailures() {
        assertTrue(Failures.isConnectionFailure(new GPUdbException("x", true)));
        assertTrue(Failures.isConnectionFailure(new GPUdbException("x", new java.net.ConnectException("refused"))));
        assertFalse(Failures.isConnectionFailure(new GPUdbException("Type mismatch")));
        assertEquals("first", Failures.summary(new GPUdbException("first\nsecond")));
    }
}

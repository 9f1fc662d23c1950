package com.kinetica.kafka.client;

import com.gpudb.GPUdbBase;
import com.gpudb.GPUdbException;
import com.kinetica.kafka.config.RetryLimits;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryPolicyTest {
    static final GPUdbException DOWN = new GPUdbException("Connection refused", true);

    @Test
    void waitsDoubleUpToTheCeilingAndTheTaskFailsOnlyAfterTheTimeBudget() {
        List<Long> waits = new ArrayList<>();
        AtomicLong now = new AtomicLong(1_000_000);
        RetryPolicy policy = new RetryPolicy(new RetryLimits(600_000, -1, 1000, 30_000), waits::add, now::get);
        int attempts = 0;
        RuntimeException e;
        do {
            e = policy.failed("Writing to Kinetica at http://k:9191", DOWN);
            attempts++;
            if (e instanceof RetriableException) {
                now.addAndGet(waits.get(waits.size() - 1));
            }
        } while (e instanceof RetriableException);
        assertEquals(ConnectException.class, e.getClass());
        assertEquals(List.of(1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L), waits.subList(0, 7));
        assertEquals(600_000, now.get() - 1_000_000, "the last wait ends exactly at the budget");
        assertEquals(waits.size() + 1, attempts);
        assertTrue(e.getMessage().contains("kept failing for 10 min 0 s") && e.getMessage().contains("http://k:9191")
                && e.getMessage().contains("Raise kinetica.retry_timeout_ms (now 600000)"), e.getMessage());
    }

    @Test
    void anExplicitRetryCountOfAnOldConfigFileStillLimitsTheRetries() {
        List<Long> waits = new ArrayList<>();
        RetryPolicy policy = new RetryPolicy(new RetryLimits(600_000, 2, 250, 250), waits::add, () -> 0L);
        assertInstanceOf(RetriableException.class, policy.failed("writing", DOWN));
        assertInstanceOf(RetriableException.class, policy.failed("writing", DOWN));
        RuntimeException last = policy.failed("writing", DOWN);
        assertEquals(ConnectException.class, last.getClass());
        assertTrue(last.getMessage().contains("kinetica.retry_count=2"), last.getMessage());
        assertEquals(List.of(250L, 250L), waits);
    }

    @Test
    void successStartsTheBudgetAgain() {
        AtomicLong now = new AtomicLong();
        RetryPolicy policy = new RetryPolicy(new RetryLimits(1000, -1, 0, 0), ms -> { }, now::get);
        policy.failed("w", DOWN);
        now.set(900);
        policy.succeeded();
        now.set(1800);
        assertInstanceOf(RetriableException.class, policy.failed("w", DOWN));
        now.set(2799);
        assertInstanceOf(RetriableException.class, policy.failed("w", DOWN));
        now.set(2800);
        assertEquals(ConnectException.class, policy.failed("w", DOWN).getClass());
    }

    @Test
    void classifiesFailures() {
        assertEquals(Failures.Kind.UNREACHABLE, Failures.classify(new GPUdbException("x", true)));
        assertEquals(Failures.Kind.UNREACHABLE,
                Failures.classify(new GPUdbException("x", new java.net.ConnectException("refused"))));
        assertEquals(Failures.Kind.UNREACHABLE,
                Failures.classify(new GPUdbException("x", new java.net.SocketTimeoutException("Read timed out"))));
        assertEquals(Failures.Kind.UNAUTHORIZED,
                Failures.classify(new GPUdbBase.GPUdbUnauthorizedAccessException("Unauthorized")));
        assertEquals(Failures.Kind.ANSWERED, Failures.classify(new GPUdbException("Type mismatch")));
        assertEquals("first", Failures.summary(new GPUdbException("first\nsecond")));
    }
}

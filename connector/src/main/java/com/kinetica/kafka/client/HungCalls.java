package com.kinetica.kafka.client;

import com.gpudb.GPUdb;
import com.gpudb.GPUdbBase;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.io.ModalCloseable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Field;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Ends a call to Kinetica that outlives twice {@code kinetica.timeout} by closing its client's
 * connections. The timeout bounds waiting for an answer, not sending: a batch to a server that
 * stopped reading (hung, stopped, or its receive window closed) blocks in the socket's write, which
 * no timeout of gpudb-api reaches and an interrupt does not end, for as long as the server's host
 * acknowledges packets. Closing the connections fails the call; the client is spent after it.
 */
public final class HungCalls {
    private static final Logger log = LoggerFactory.getLogger(HungCalls.class);
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kinetica-hung-calls");
        t.setDaemon(true);
        return t;
    });
    /** gpudb-api 7.1 keeps its HTTP client private and offers no way to close it. */
    private static final Field HTTP_CLIENT = httpClientField();

    private final ScheduledFuture<?> alarm;
    private volatile boolean ended;

    private HungCalls(GPUdb client, long timeoutMs) {
        alarm = timeoutMs <= 0 || HTTP_CLIENT == null ? null
                : TIMER.schedule(() -> end(client), 2 * timeoutMs, TimeUnit.MILLISECONDS);
    }

    /** Watches one call made through {@code client}; close the watch when the call returns. */
    public static HungCalls watch(GPUdb client, long timeoutMs) {
        return new HungCalls(client, timeoutMs);
    }

    /** Whether the call was ended: its client's connections are closed, and it takes no more calls. */
    public boolean ended() {
        return ended;
    }

    /** The call returned or failed by itself. */
    public void done() {
        if (alarm != null) {
            alarm.cancel(false);
        }
    }

    private void end(GPUdb client) {
        ended = true;
        try {
            ((ModalCloseable) HTTP_CLIENT.get(client)).close(CloseMode.IMMEDIATE);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Could not close the connections of a call to Kinetica that does not end: {}", e.toString());
        }
    }

    private static Field httpClientField() {
        try {
            Field f = GPUdbBase.class.getDeclaredField("httpClient");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LoggerFactory.getLogger(HungCalls.class).warn("This gpudb-api has no HTTP client to close: a batch sent to "
                    + "a Kinetica that stopped reading waits for the connection to break ({})", e.toString());
            return null;
        }
    }
}

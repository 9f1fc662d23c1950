package dev.kconnect.sandbox.kinetica;

import com.sun.net.httpserver.HttpExchange;
import dev.kconnect.sandbox.kinetica.endpoint.Call;
import dev.kconnect.sandbox.kinetica.endpoint.Endpoint;
import dev.kconnect.sandbox.kinetica.endpoint.Wire;
import dev.kconnect.sandbox.kinetica.store.KineticaError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xerial.snappy.Snappy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Serves one HTTP exchange the way Kinetica does: checks credentials (401, or all calls while
 * credentials are denied), applies injected faults, decompresses Snappy bodies, runs the endpoint and wraps its answer or error in the
 * RawGpudbResponse envelope (errors with HTTP 400). One handler serves the ports of all ranks.
 */
final class RequestHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RequestHandler.class);

    private final Map<String, Endpoint> endpoints;
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final AtomicInteger inProgress = new AtomicInteger();
    private final Faults faults;
    /** The expected Authorization header, or null when the emulator accepts anyone. */
    private final String authorization;

    RequestHandler(Map<String, Endpoint> endpoints, Faults faults, String authorization) {
        this.endpoints = endpoints;
        this.faults = faults;
        this.authorization = authorization;
    }

    /** Serves an exchange that came in through the port of {@code rank}, or holds it while the emulator hangs. */
    void handle(HttpExchange exchange, int rank) throws IOException {
        inProgress.incrementAndGet();
        if (faults.holdWhileHung(() -> answerLate(exchange, rank))) {
            return; // the exchange stays open, unanswered: the JDK server lets another thread answer it
        }
        answer(exchange, rank);
    }

    private void answerLate(HttpExchange exchange, int rank) {
        try {
            answer(exchange, rank);
        } catch (IOException e) {
            LOG.debug("The client of a call held while hung is gone: {}", e.toString());
        }
    }

    private void answer(HttpExchange exchange, int rank) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (faults.denyingCredentials() || authorization != null
                    && !authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, "text/plain", "Unauthorized: wrong or missing user name or password"
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "Kinetica endpoints take POST".getBytes(StandardCharsets.UTF_8));
                return;
            }
            sleep();
            String path = exchange.getRequestURI().getPath();
            calls.computeIfAbsent(path, p -> new LongAdder()).increment();
            byte[] answer;
            int status = 200;
            try {
                answer = serve(exchange, rank, path, body);
            } catch (KineticaError e) {
                status = 400;
                answer = Wire.error(e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("Emulated Kinetica failed on {}", path, e);
                status = 400;
                answer = Wire.error("Internal error in the Kinetica emulator: " + e);
            }
            send(exchange, status, "application/octet-stream", answer);
        } finally {
            inProgress.decrementAndGet();
        }
    }

    /** Requests being served now, including those held while hung and those whose client gave up waiting. */
    int inProgress() {
        return inProgress.get();
    }

    /** Requests served (or failed by an injected fault) for an endpoint path, since the start. */
    /** Calls to every endpoint together. */
    long calls() {
        return calls.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long calls(String path) {
        LongAdder count = calls.get(path);
        return count == null ? 0 : count.sum();
    }

    private byte[] serve(HttpExchange exchange, int rank, String path, byte[] body) throws IOException {
        String failure = faults.takeFailure();
        if (failure != null) {
            throw new KineticaError(failure);
        }
        Endpoint endpoint = endpoints.get(path);
        if (endpoint == null) {
            throw new KineticaError("Unknown endpoint " + path + " (not emulated)");
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-type");
        if (contentType != null && contentType.startsWith("application/x-snappy")) {
            body = Snappy.uncompress(body);
        }
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null) {
            host = "127.0.0.1:" + exchange.getLocalAddress().getPort();
        }
        return Wire.ok(endpoint.call(new Call(body, "http://" + host, rank)));
    }

    private void sleep() {
        long millis = faults.latency().toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}

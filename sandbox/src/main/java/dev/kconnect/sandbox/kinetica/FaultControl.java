package dev.kconnect.sandbox.kinetica;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kconnect.sandbox.PortInUseException;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The emulator's {@link Faults} over HTTP, on a port of their own that no fault closes or slows,
 * so that a person (or {@code kconnect sandbox fault}) can set and end any fault while Kinetica is down:
 * <pre>
 * GET  /_sandbox/faults                              what is injected now, as JSON
 * POST /_sandbox/faults/down?seconds=30              refuse connections for a while, then come back
 * POST /_sandbox/faults/fail?calls=40                answer the next calls with a server error
 * POST /_sandbox/faults/latency?ms=500               slow every call down
 * POST /_sandbox/faults/refuse?column=seq&amp;value=13   refuse inserts holding that value, as a constraint would
 * POST /_sandbox/faults/deny                         reject every call's credentials (HTTP 401)
 * POST /_sandbox/faults/hang                         take calls in and answer none (a hung server)
 * POST /_sandbox/faults/reset                        all faults off, up again at once
 * </pre>
 */
final class FaultControl implements AutoCloseable {
    static final String PATH = "/_sandbox/faults";
    /** Long enough for the answer to reach the caller before the emulator's sockets close. */
    private static final long DOWN_DELAY_MS = 100;
    private static final long MAX_DOWN_SECONDS = 3600;

    private final Faults faults;
    private final Supplier<String> kineticaUrl;
    private final HttpServer server;

    private FaultControl(Faults faults, Supplier<String> kineticaUrl, HttpServer server) {
        this.faults = faults;
        this.kineticaUrl = kineticaUrl;
        this.server = server;
    }

    /**
     * Listens on {@code host:port} (0 picks a free port). Answers come from the server's own thread,
     * never from the emulator's pool, which injected latency may keep busy.
     */
    static FaultControl start(String host, int port, Faults faults, Supplier<String> kineticaUrl) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
            FaultControl control = new FaultControl(faults, kineticaUrl, server);
            server.createContext(PATH, control::serve);
            server.start();
            return control;
        } catch (BindException e) {
            throw new PortInUseException(port, "the Kinetica emulator's fault controls");
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fault controls on " + host + ":" + port, e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            int status = 200;
            String answer;
            try {
                answer = handle(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestURI().getRawQuery());
            } catch (IllegalArgumentException e) {
                status = 400;
                answer = e.getMessage() + "\n";
            }
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "text/plain");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /**
     * Carries out {@code method path?query} and returns the faults now, as JSON.
     *
     * @throws IllegalArgumentException with what is wrong, for an answer of 400
     */
    private String handle(String method, String path, String query) {
        String action = path.length() > PATH.length() ? path.substring(PATH.length() + 1) : "";
        if (action.isEmpty()) {
            if (!"GET".equals(method)) {
                throw new IllegalArgumentException("GET " + PATH + " shows the faults; POST " + PATH + "/ACTION sets one");
            }
            return status();
        }
        if (!"POST".equals(method)) {
            throw new IllegalArgumentException("faults are set with POST " + PATH + "/" + action);
        }
        Map<String, String> params = params(query);
        switch (action) {
            case "down" -> faults.downFor(Duration.ofSeconds(number(params, "seconds", 30, MAX_DOWN_SECONDS)),
                    Duration.ofMillis(DOWN_DELAY_MS));
            case "fail" -> faults.failNext((int) number(params, "calls", -1, 1_000_000));
            case "latency" -> faults.latency(Duration.ofMillis(number(params, "ms", -1, 60_000)));
            case "refuse" -> faults.refuseRecords(required(params, "column"), required(params, "value"));
            case "deny" -> faults.denyCredentials();
            case "hang" -> faults.hang();
            case "reset", "up" -> faults.reset();
            default -> throw new IllegalArgumentException("unknown fault '" + action
                    + "': use down, fail, latency, refuse, deny, hang or reset");
        }
        return status();
    }

    private String status() {
        return "{\"kinetica_url\":\"" + kineticaUrl.get() + "\""
                + ",\"down\":" + faults.isDown()
                + ",\"down_for_ms\":" + faults.downForMs()
                + ",\"failing_calls\":" + faults.failuresLeft()
                + ",\"latency_ms\":" + faults.latency().toMillis()
                + ",\"refusing\":" + faults.refusing().map(r -> "\"" + r.replace("\"", "'") + "\"").orElse("null")
                + ",\"denying_credentials\":" + faults.denyingCredentials()
                + ",\"hung\":" + faults.hung()
                + "}\n";
    }

    private static Map<String, String> params(String query) {
        Map<String, String> params = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    private static String required(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("give " + name + "=...");
        }
        return value;
    }

    /** A whole number between 0 and {@code max}; {@code fallback} < 0 makes it required. */
    private static long number(Map<String, String> params, String name, long fallback, long max) {
        String value = params.get(name);
        if (value == null && fallback >= 0) {
            return fallback;
        }
        try {
            long n = Long.parseLong(required(params, name));
            if (n < 0 || n > max) {
                throw new IllegalArgumentException(name + " must be between 0 and " + max + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

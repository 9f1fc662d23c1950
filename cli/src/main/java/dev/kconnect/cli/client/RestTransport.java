package dev.kconnect.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.net.URIBuilder;
import org.apache.hc.core5.util.Timeout;

import javax.net.ssl.SSLException;
import java.io.Closeable;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP mechanics of the REST client: one connection reused for all calls, JSON in and out,
 * HTTP errors turned into typed exceptions, and 409s caused by a rebalance retried with backoff.
 */
final class RestTransport implements Closeable {

    /** Connect's wording for the 409s that clear by themselves once a rebalance ends. */
    private static final String RETRYABLE_CONFLICT = "Cannot complete request";
    /** Connect answers 500 with this while a rebalance it expects has not begun (RebalanceNeededException). */
    private static final String REBALANCE_EXPECTED = "because a rebalance is expected";
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);
    private static final Pattern HTML_TITLE = Pattern.compile("(?is)<title>(.*?)</title>");
    /** Above this, ask before sending the body (Expect: 100-continue): a worker or proxy refusing it says why. */
    private static final long LARGE_BODY = 1 << 20;
    /** Workers log it with each request; the version comes from the jar's manifest. */
    private static final String USER_AGENT = "kconnect/"
            + Objects.requireNonNullElse(RestTransport.class.getPackage().getImplementationVersion(), "dev");

    /** What came back, before any interpretation. */
    record Raw(int status, String body) {
    }

    private final ClientSettings settings;
    private final CloseableHttpClient http;
    private final BasicHttpClientConnectionManager connections;
    /** System.nanoTime() by which every answer must have come, so that a --wait bounds the whole command. */
    private long deadline = Long.MAX_VALUE;
    /** What set the deadline, for the message, e.g. "--timeout 5 s". */
    private String deadlineName;

    RestTransport(ClientSettings settings) {
        this.settings = settings;
        // plain http needs no TLS set-up, which costs a noticeable part of a short command's run
        RegistryBuilder<TlsSocketStrategy> tls = RegistryBuilder.create();
        if ("https".equalsIgnoreCase(settings.url().getScheme())) {
            tls.register(URIScheme.HTTPS.id, TlsContexts.strategy(settings.tls()));
        }
        connections = BasicHttpClientConnectionManager.create(tls.build());
        connections.setConnectionConfig(connectionConfig(settings.connectTimeout().toMillis()));
        this.http = HttpClients.custom()
                .setConnectionManager(connections)
                .disableAutomaticRetries()
                .disableContentCompression()
                .disableCookieManagement()
                .disableRedirectHandling()
                // naming ourselves also spares httpclient5 a search of the class path for its own version
                .setUserAgent(USER_AGENT)
                .build();
    }

    /** From now on no request waits past {@code nanoTime}; {@code name} says in messages what set it. */
    void deadline(long nanoTime, String name) {
        this.deadline = nanoTime;
        this.deadlineName = name;
    }

    URI baseUrl() {
        return settings.url();
    }

    ClientSettings settings() {
        return settings;
    }

    /** Sends a request; {@code query} values may repeat a name (expand=status&expand=info). */
    Raw send(String method, List<String> path, List<Map.Entry<String, String>> query, String jsonBody) {
        URI uri = uri(path, query);
        long retryUntil = Math.min(deadline, System.nanoTime() + settings.conflictRetry().toNanos());
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            Raw raw = execute(request(method, uri, jsonBody));
            if (raw.status() < 400) {
                return raw;
            }
            String message = errorMessage(raw);
            boolean rebalancing = raw.status() == 409 && message.startsWith(RETRYABLE_CONFLICT)
                    || raw.status() == 500 && message.contains(REBALANCE_EXPECTED);
            if (!rebalancing) {
                throw error(raw.status(), message);
            }
            if (System.nanoTime() + backoff.toNanos() > retryUntil) {
                throw new ConflictException("the worker was still rebalancing after "
                        + settings.conflictRetry().toSeconds() + " s (" + message + "); try again later");
            }
            sleep(backoff, message);
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private URI uri(List<String> path, List<Map.Entry<String, String>> query) {
        try {
            URIBuilder builder = new URIBuilder(settings.url()).appendPathSegments(path);
            query.forEach(q -> builder.addParameter(q.getKey(), q.getValue()));
            return builder.build();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot build a URL from " + settings.url() + " and " + path, e);
        }
    }

    private ClassicHttpRequest request(String method, URI uri, String jsonBody) {
        ClassicRequestBuilder builder = ClassicRequestBuilder.create(method).setUri(uri)
                .addHeader("Accept", "application/json");
        settings.headers().forEach(builder::addHeader);
        if (jsonBody != null) {
            builder.setEntity(jsonBody, ContentType.APPLICATION_JSON);
        }
        return builder.build();
    }

    private Raw execute(ClassicHttpRequest request) {
        long bodyLength = request.getEntity() == null ? 0 : request.getEntity().getContentLength();
        // the answer may take --request-timeout, or what is left before the deadline if that is less
        long left = deadline - System.nanoTime();
        boolean bounded = left < settings.readTimeout().toNanos();
        if (bounded && left <= 0) {
            throw timedOut(request, true, null);
        }
        // a connection that hangs (a host that drops packets) counts against the deadline too
        boolean connectBounded = left < settings.connectTimeout().toNanos();
        if (connectBounded) {
            connections.setConnectionConfig(connectionConfig(Math.max(1, left / 1_000_000)));
        }
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.ofMilliseconds(bounded ? Math.max(1, left / 1_000_000) : settings.readTimeout().toMillis()))
                .setExpectContinueEnabled(bodyLength > LARGE_BODY)
                .build());
        try {
            return http.execute(request, context, response -> {
                HttpEntity entity = response.getEntity();
                String body = entity == null ? "" : EntityUtils.toString(entity, StandardCharsets.UTF_8);
                return new Raw(response.getCode(), body);
            });
        } catch (SocketTimeoutException e) {
            throw e instanceof ConnectTimeoutException && !connectBounded ? unreachable(e) : timedOut(request, bounded, e);
        } catch (SocketException e) {
            // a server that will not take a body closes the connection while it is being sent
            throw bodyLength > LARGE_BODY && !"https".equalsIgnoreCase(settings.url().getScheme())
                    ? new RequestTooLargeException("the Connect worker at " + settings.url() + " closed the connection "
                            + "while receiving the " + bodyLength / (1 << 20) + " MB request (" + e.getMessage()
                            + "); it does not take bodies that large: a connector config is a few KB, check the file", e)
                    : unreachable(e);
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    private ConnectionConfig connectionConfig(long connectMillis) {
        return ConnectionConfig.custom()
                .setConnectTimeout(Timeout.ofMilliseconds(connectMillis))
                .setSocketTimeout(Timeout.of(settings.readTimeout()))
                .build();
    }

    private RequestTimedOutException timedOut(ClassicHttpRequest request, boolean bounded, IOException cause) {
        String what = "the Connect worker at " + settings.url() + " did not answer " + request.getMethod() + " "
                + request.getPath().replaceAll("\\?.*", "");
        return new RequestTimedOutException(bounded
                ? what + " before " + deadlineName + " ran out; check the worker's log"
                : what + " within " + settings.readTimeout().toSeconds() + " s; check the worker's log, or allow more "
                        + "time with --request-timeout SECONDS (or KCONNECT_REQUEST_TIMEOUT)", cause);
    }

    private WorkerUnreachableException unreachable(IOException e) {
        String url = settings.url().toString();
        String check = "check that a Connect worker runs there and that --url, KCONNECT_URL or the context names its REST listener";
        if (e instanceof UnknownHostException) {
            return new WorkerUnreachableException("cannot reach the Connect worker at " + url
                    + ": unknown host " + settings.url().getHost() + "; check the host name in --url or KCONNECT_URL", e);
        }
        if (e instanceof ConnectTimeoutException) {
            return new WorkerUnreachableException("cannot reach the Connect worker at " + url
                    + ": no connection within " + settings.connectTimeout().toSeconds() + " s; " + check
                    + " and that no firewall is in the way", e);
        }
        if (e instanceof ConnectException) {
            return new WorkerUnreachableException("cannot reach the Connect worker at " + url
                    + ": connection refused; " + check + " (rest.port or listeners in the worker config)", e);
        }
        if (e instanceof SSLException) {
            return new WorkerUnreachableException("TLS with the Connect worker at " + url + " failed (" + e.getMessage()
                    + "); " + tlsHint(e.getMessage()), e);
        }
        if (e instanceof SocketException && "https".equalsIgnoreCase(settings.url().getScheme())) {
            // with TLS 1.3 a refused client certificate often shows as a reset connection, not an alert
            return new WorkerUnreachableException("TLS with the Connect worker at " + url + " failed (the worker closed"
                    + " the connection: " + e.getMessage() + "); " + (settings.tls().certFile() == null
                    ? "the worker may want a client certificate: check --cert and --key"
                    : tlsHint(e.getMessage())), e);
        }
        if (e instanceof NoHttpResponseException) {
            return new WorkerUnreachableException("the Connect worker at " + url
                    + " closed the connection without answering; check that the URL names a Connect REST listener", e);
        }
        return new WorkerUnreachableException("cannot talk to the Connect worker at " + url + ": " + e, e);
    }

    /** What to check, from the JDK's wording of the failure. */
    private static String tlsHint(String message) {
        String m = String.valueOf(message);
        if (m.contains("PKIX") || m.contains("certification path")) {
            return "check that --ca-file names the CA that signed the worker's certificate (or --insecure to skip the check)";
        }
        if (m.contains("bad_certificate") || m.contains("certificate_required") || m.contains("certificate_unknown")) {
            return "the worker wants a client certificate it trusts: check --cert and --key";
        }
        if (m.contains("subject alternative") || m.contains("hostname") || m.contains("host name")) {
            return "the worker's certificate does not name the host in the URL: use a host name it names";
        }
        return "check the URL scheme (http or https), --ca-file, and --cert/--key if the worker requires a client certificate";
    }

    /** Connect sends {"error_code":…, "message":…}; anything else (a proxy's page) is summarised. */
    private static String errorMessage(Raw raw) {
        try {
            JsonNode node = Json.MAPPER.readTree(raw.body());
            if (node != null && node.hasNonNull("message")) {
                return node.get("message").asText();
            }
        } catch (IOException e) {
            // not Connect's JSON error: fall through
        }
        return "HTTP " + raw.status() + (raw.body().isBlank() ? "" : ": " + firstLine(raw.body()));
    }

    private static String firstLine(String text) {
        // an HTML error page (Jetty's own, a proxy's) says what is wrong in its title
        Matcher title = HTML_TITLE.matcher(text);
        String line = title.find() ? title.group(1).strip() : text.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private static ApiException error(int status, String message) {
        return switch (status) {
            case 404 -> new NotFoundException(message);
            case 409 -> new ConflictException(message);
            case 401, 403 -> new UnauthorizedException(status, message);
            default -> new ApiException(status, message);
        };
    }

    private static void sleep(Duration backoff, String message) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConflictException(message);
        }
    }

    @Override
    public void close() {
        http.close(CloseMode.IMMEDIATE);
    }
}

package dev.kconnect.cli.client;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Where the worker is and how to talk to it.
 *
 * @param url            the worker's REST listener, e.g. http://localhost:8083
 * @param connectTimeout how long to wait for a TCP connection
 * @param readTimeout    how long to wait for an answer
 * @param conflictRetry  how long to keep retrying a request the worker refused with 409 during a rebalance
 * @param headers        sent with every request (authentication goes here)
 */
public record ClientSettings(URI url, Duration connectTimeout, Duration readTimeout, Duration conflictRetry,
                             Map<String, String> headers) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Connect itself gives up on a request after 90 s; wait a little longer to see its own message. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(100);
    public static final Duration DEFAULT_CONFLICT_RETRY = Duration.ofSeconds(30);

    public ClientSettings {
        headers = Map.copyOf(headers);
    }

    /** Default timeouts, no extra headers. */
    public static ClientSettings of(URI url) {
        return new ClientSettings(url, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, DEFAULT_CONFLICT_RETRY, Map.of());
    }

    public ClientSettings withConflictRetry(Duration retry) {
        return new ClientSettings(url, connectTimeout, readTimeout, retry, headers);
    }
}

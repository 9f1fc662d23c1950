package dev.kconnect.cli.client;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where the worker is and how to talk to it.
 *
 * @param url            the worker's REST listener, e.g. http://localhost:8083
 * @param connectTimeout how long to wait for a TCP connection
 * @param readTimeout    how long to wait for each answer (--request-timeout)
 * @param conflictRetry  how long to keep retrying a request the worker refused with 409 during a rebalance
 * @param headers        sent with every request (authentication goes here)
 * @param tls            certificates for https URLs
 */
public record ClientSettings(URI url, Duration connectTimeout, Duration readTimeout, Duration conflictRetry,
                             Map<String, String> headers, TlsSettings tls) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** A worker answers in well under a second; a hung one should not hold a script for long. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_CONFLICT_RETRY = Duration.ofSeconds(30);

    public ClientSettings {
        headers = Map.copyOf(headers);
    }

    /** Default timeouts, no extra headers, the JDK's trusted CAs. */
    public static ClientSettings of(URI url) {
        return of(url, Map.of(), TlsSettings.DEFAULT);
    }

    /** Default timeouts. */
    public static ClientSettings of(URI url, Map<String, String> headers, TlsSettings tls) {
        return new ClientSettings(url, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, DEFAULT_CONFLICT_RETRY, headers, tls);
    }

    /** The same worker and credentials with other timeouts. */
    public ClientSettings withTimeouts(Duration connect, Duration read, Duration conflict) {
        return new ClientSettings(url, connect, read, conflict, headers, tls);
    }

    /** Header values hold credentials: never show them. */
    @Override
    public String toString() {
        return "ClientSettings[url=" + url + ", headers=" + headers.keySet().stream().sorted()
                .collect(Collectors.joining(", ", "[", "]")) + ", tls=" + tls + "]";
    }
}

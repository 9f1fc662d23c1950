package dev.kconnect.cli.client;

/** The worker (or a proxy before it) would not take a request body that large. */
public final class RequestTooLargeException extends ClientException {

    public RequestTooLargeException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.kconnect.cli.client;

import dev.kconnect.cli.error.ExitCode;

/** The worker (or a proxy before it) would not take a request body that large. */
public final class RequestTooLargeException extends ClientException {

    public RequestTooLargeException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return ExitCode.USAGE;
    }
}

package dev.kconnect.cli.client;

import dev.kconnect.cli.error.ExitCode;

/** The worker took a connection but no answer came in time (--request-timeout, or the --timeout of a --wait). */
public final class RequestTimedOutException extends ClientException {

    public RequestTimedOutException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return ExitCode.TIMED_OUT;
    }
}

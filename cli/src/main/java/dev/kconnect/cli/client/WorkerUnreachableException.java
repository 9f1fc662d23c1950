package dev.kconnect.cli.client;

import dev.kconnect.cli.error.ExitCode;

/** No HTTP answer came from the worker: refused, unknown host, timed out, TLS failure. */
public final class WorkerUnreachableException extends ClientException {

    public WorkerUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return ExitCode.UNREACHABLE;
    }
}

package dev.kconnect.cli.client;

/** No HTTP answer came from the worker: refused, unknown host, timed out, TLS failure. */
public final class WorkerUnreachableException extends ClientException {

    public WorkerUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}

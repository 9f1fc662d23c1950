package dev.kconnect.cli.worker;

/** A worker could not start, or asked the process to exit; the message says why. */
public final class WorkerStartException extends RuntimeException {
    public WorkerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}

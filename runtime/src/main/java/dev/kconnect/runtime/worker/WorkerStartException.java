package dev.kconnect.runtime.worker;

import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.error.KConnectException;

import java.nio.file.Path;

/** A worker could not start, or asked the process to exit; the message says why. */
public final class WorkerStartException extends KConnectException {
    public WorkerStartException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The same failure, pointing to the log that holds the worker's own account of it. */
    public WorkerStartException detailsIn(Path log) {
        return new WorkerStartException(getMessage() + " (details in " + log + ")", getCause());
    }

    @Override
    public int exitCode() {
        return ExitCode.ERROR;
    }
}

package dev.kconnect.cli.command;

import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.error.KConnectException;

/** A connector or one of its tasks is FAILED: the command printed what it could and exits non-zero. */
public final class FailedStateException extends KConnectException {

    public FailedStateException(String message) {
        super(message, null);
    }

    @Override
    public int exitCode() {
        return ExitCode.FAILED_STATE;
    }
}

package dev.kconnect.cli.command;

import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.error.KConnectException;

/** The person at the terminal said no. */
public final class AbortedException extends KConnectException {

    public AbortedException(String message) {
        super(message, null);
    }

    @Override
    public int exitCode() {
        return ExitCode.ERROR;
    }
}

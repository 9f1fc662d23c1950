package dev.kconnect.cli.command;

import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.error.KConnectException;

/** A wait ran out of time. */
public final class TimedOutException extends KConnectException {

    public TimedOutException(String message) {
        super(message, null);
    }

    @Override
    public int exitCode() {
        return ExitCode.TIMED_OUT;
    }
}

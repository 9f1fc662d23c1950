package dev.kconnect.cli.command;

/** A wait ran out of time. */
public final class TimedOutException extends RuntimeException {

    public TimedOutException(String message) {
        super(message);
    }
}

package dev.kconnect.cli.command;

/** The person at the terminal said no. */
public final class AbortedException extends RuntimeException {

    public AbortedException(String message) {
        super(message);
    }
}

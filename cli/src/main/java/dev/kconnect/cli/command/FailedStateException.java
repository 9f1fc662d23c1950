package dev.kconnect.cli.command;

/** A connector or one of its tasks is FAILED: the command printed what it could and exits non-zero. */
public final class FailedStateException extends RuntimeException {

    public FailedStateException(String message) {
        super(message);
    }
}

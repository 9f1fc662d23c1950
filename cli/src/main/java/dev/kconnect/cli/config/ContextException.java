package dev.kconnect.cli.config;

/** A context that does not exist, or a contexts file that cannot be read or written. */
public final class ContextException extends RuntimeException {

    public ContextException(String message) {
        super(message);
    }
}

package dev.kconnect.cli.worker;

/** A worker or connector file that cannot be used as it is; the message says which and why. */
public final class BadConfigFileException extends RuntimeException {
    public BadConfigFileException(String message) {
        super(message);
    }
}

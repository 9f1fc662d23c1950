package dev.kconnect.cli.error;

/**
 * A failure kconnect explains to its user: each kind carries its exit code, and the handler
 * prints one line made of {@link #explain}; any other exception is a bug of ours.
 */
public abstract class KConnectException extends RuntimeException {

    protected KConnectException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The exit code of this kind of failure, one of {@link ExitCode}'s. */
    public abstract int exitCode();

    /** What the user reads, given the message already folded onto one line. */
    public String explain(String message) {
        return message;
    }
}

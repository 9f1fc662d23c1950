package dev.kconnect.cli.input;

import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.error.KConnectException;

/** Input that cannot be used (a file, an option's value); the message names it, the line when known, and what was expected. */
public final class BadInputException extends KConnectException {

    public BadInputException(String message) {
        super(message, null);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return ExitCode.USAGE;
    }
}

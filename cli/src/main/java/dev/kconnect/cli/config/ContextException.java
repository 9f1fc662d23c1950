package dev.kconnect.cli.config;

import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.error.KConnectException;

/** A context that does not exist, or a contexts file that cannot be read or written. */
public final class ContextException extends KConnectException {

    public ContextException(String message) {
        super(message, null);
    }

    @Override
    public int exitCode() {
        return ExitCode.USAGE;
    }
}

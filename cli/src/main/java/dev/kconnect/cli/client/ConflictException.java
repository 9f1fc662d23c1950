package dev.kconnect.cli.client;

import dev.kconnect.cli.error.ExitCode;

/** HTTP 409: the connector already exists, or a rebalance did not end within the retry time. */
public final class ConflictException extends ApiException {

    public ConflictException(String message) {
        super(409, message);
    }

    @Override
    public int exitCode() {
        return ExitCode.CONFLICT;
    }

    /** As it is: Connect's own message says what conflicts. */
    @Override
    public String explain(String message) {
        return message;
    }
}

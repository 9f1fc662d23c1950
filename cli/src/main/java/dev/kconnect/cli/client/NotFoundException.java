package dev.kconnect.cli.client;

import dev.kconnect.cli.error.ExitCode;

/** HTTP 404: the connector, task or plugin does not exist. */
public class NotFoundException extends ApiException {

    public NotFoundException(String message) {
        super(404, message);
    }

    @Override
    public int exitCode() {
        return ExitCode.NOT_FOUND;
    }

    /** As it is: Connect's own message names what is missing. */
    @Override
    public String explain(String message) {
        return message;
    }
}

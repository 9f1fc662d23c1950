package dev.kconnect.cli.kinetica;

import dev.kconnect.cli.client.ClientException;
import dev.kconnect.cli.error.ExitCode;

/** Kinetica refused the user or password (exit 7, as a worker's 401). */
public final class CredentialsRefusedException extends ClientException {

    public CredentialsRefusedException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return ExitCode.UNAUTHORIZED;
    }
}

package dev.kconnect.cli.client;

import dev.kconnect.cli.error.ExitCode;

/** A certificate or key file named on the command line (or in a context) cannot be used. */
public final class TlsFileException extends ClientException {

    public TlsFileException(String message) {
        super(message, null);
    }

    @Override
    public int exitCode() {
        return ExitCode.USAGE;
    }
}

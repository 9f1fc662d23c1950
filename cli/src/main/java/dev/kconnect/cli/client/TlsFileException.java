package dev.kconnect.cli.client;

/** A certificate or key file named on the command line (or in a context) cannot be used. */
public final class TlsFileException extends ClientException {

    public TlsFileException(String message) {
        super(message, null);
    }
}

package dev.kconnect.cli.client;

import dev.kconnect.cli.error.ExitCode;

/** The worker answered with an HTTP error; the message is Connect's own when it sent one. */
public class ApiException extends ClientException {

    private final int status;

    public ApiException(int status, String message) {
        super(message, null);
        this.status = status;
    }

    /** The HTTP status code of the answer. */
    public int status() {
        return status;
    }

    /** 400 and 413: the worker found the request (a connector config, offsets) invalid or too large. */
    @Override
    public int exitCode() {
        return status == 400 || status == 413 ? ExitCode.USAGE : ExitCode.ERROR;
    }

    @Override
    public String explain(String message) {
        // a proxy's page is summarised as "HTTP 405: …" already
        return message.startsWith("HTTP " + status) ? "the worker answered " + message
                : "the worker answered HTTP " + status + ": " + message;
    }
}

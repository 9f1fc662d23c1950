package dev.kconnect.cli.client;

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
}

package dev.kconnect.cli.client;

/** HTTP 404: the connector, task or plugin does not exist. */
public class NotFoundException extends ApiException {

    public NotFoundException(String message) {
        super(404, message);
    }
}

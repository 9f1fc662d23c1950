package dev.kconnect.cli.client;

/** HTTP 409: the connector already exists, or a rebalance did not end within the retry time. */
public final class ConflictException extends ApiException {

    public ConflictException(String message) {
        super(409, message);
    }
}

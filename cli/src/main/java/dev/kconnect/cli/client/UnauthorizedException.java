package dev.kconnect.cli.client;

/** HTTP 401 or 403: the worker wants other credentials. */
public final class UnauthorizedException extends ApiException {

    public UnauthorizedException(int status, String message) {
        super(status, message);
    }
}

package dev.kconnect.cli.client;

import dev.kconnect.cli.error.ExitCode;

/** HTTP 401 or 403: the worker wants other credentials. */
public final class UnauthorizedException extends ApiException {

    public UnauthorizedException(int status, String message) {
        super(status, message);
    }

    @Override
    public int exitCode() {
        return ExitCode.UNAUTHORIZED;
    }

    @Override
    public String explain(String message) {
        return "the worker refused the credentials (HTTP " + status() + "): " + message
                + "; check --user and its password ($KCONNECT_PASSWORD, --password-file), the token or the context";
    }
}

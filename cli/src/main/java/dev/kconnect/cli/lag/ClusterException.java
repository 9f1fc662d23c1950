package dev.kconnect.cli.lag;

import dev.kconnect.cli.client.ClientException;
import dev.kconnect.cli.error.ExitCode;

/** Kafka (or Kinetica) answered, but not with what was asked (no permission, an error of its own). */
public final class ClusterException extends ClientException {

    public ClusterException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return ExitCode.ERROR;
    }
}

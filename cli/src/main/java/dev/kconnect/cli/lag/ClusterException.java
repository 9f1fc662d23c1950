package dev.kconnect.cli.lag;

import dev.kconnect.cli.client.ClientException;

/** The Kafka cluster answered, but not with the offsets asked for (no permission, say). */
public final class ClusterException extends ClientException {

    public ClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}

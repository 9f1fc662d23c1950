package dev.kconnect.cli.client;

import dev.kconnect.cli.error.KConnectException;

/** Something went wrong talking to a Connect worker. The message is one line meant for people. */
public abstract class ClientException extends KConnectException {

    protected ClientException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.kconnect.cli.client;

/** Something went wrong talking to a Connect worker. The message is one line meant for people. */
public abstract class ClientException extends RuntimeException {

    protected ClientException(String message, Throwable cause) {
        super(message, cause);
    }
}

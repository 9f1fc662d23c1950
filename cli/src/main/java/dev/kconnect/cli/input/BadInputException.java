package dev.kconnect.cli.input;

/** An input file that cannot be used; the message names the file, the line when known, and what was expected. */
public final class BadInputException extends RuntimeException {

    public BadInputException(String message) {
        super(message);
    }
}

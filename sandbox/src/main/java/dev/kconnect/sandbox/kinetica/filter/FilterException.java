package dev.kconnect.sandbox.kinetica.filter;

/** A syntax error in a filter expression, with the position it was found at. */
final class FilterException extends RuntimeException {
    private final int position;

    FilterException(String message, int position) {
        super(message);
        this.position = position;
    }

    int position() {
        return position;
    }
}

package dev.kconnect.cli.client;

/**
 * An answer of the REST API: the status, the body exactly as received (so {@code -o json}
 * can print it untouched) and the body read into a record ({@code null} when there was none).
 */
public record ApiResponse<T>(int status, String body, T value) {

    public boolean hasBody() {
        return body != null && !body.isBlank();
    }
}

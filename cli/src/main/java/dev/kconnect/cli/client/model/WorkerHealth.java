package dev.kconnect.cli.client.model;

/**
 * What {@code GET /health} says (Connect 3.9+, KIP-1017): {@code healthy} once the worker has
 * started and can serve requests, {@code starting} or {@code unhealthy} (HTTP 503 or 500) before.
 */
public record WorkerHealth(String status, String message) {
    public boolean healthy() {
        return "healthy".equals(status);
    }
}

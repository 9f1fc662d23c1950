package dev.kconnect.cli.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /admin/loggers}: a logger's level and when it was last changed through the API (ms since the epoch). */
public record LoggerLevel(String level, @JsonProperty("last_modified") Long lastModified) {
}

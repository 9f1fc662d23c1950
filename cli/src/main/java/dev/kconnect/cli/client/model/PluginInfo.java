package dev.kconnect.cli.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code GET /connector-plugins}: a plugin the worker can load. */
public record PluginInfo(@JsonProperty("class") String className, String type, String version) {
}

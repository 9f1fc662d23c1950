package dev.kconnect.cli.client.model;

/** A task of a connector, as Connect names it. */
public record TaskId(String connector, int task) {
}

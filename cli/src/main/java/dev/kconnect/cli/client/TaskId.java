package dev.kconnect.cli.client;

/** A task of a connector, as Connect names it. */
public record TaskId(String connector, int task) {
}

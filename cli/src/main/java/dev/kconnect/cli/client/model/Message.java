package dev.kconnect.cli.client.model;

/** Answers that only say what was done, e.g. after changing offsets. */
public record Message(String message) {
}

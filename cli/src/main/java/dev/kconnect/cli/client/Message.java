package dev.kconnect.cli.client;

/** Answers that only say what was done, e.g. after changing offsets. */
public record Message(String message) {
}

package dev.kconnect.cli.client;

/** One value of {@code GET /connectors?expand=status&expand=info}. */
public record ConnectorEntry(ConnectorInfo info, ConnectorStatus status) {
}

package dev.kconnect.cli.client.model;

/** One value of {@code GET /connectors?expand=status&expand=info}. */
public record ConnectorEntry(ConnectorInfo info, ConnectorStatus status) {
}

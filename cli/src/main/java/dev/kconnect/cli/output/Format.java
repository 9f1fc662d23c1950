package dev.kconnect.cli.output;

/** What {@code -o} asks for. */
public enum Format {
    /** Aligned columns for people, states coloured on a terminal. */
    table,
    /** The REST API's answer exactly as it came, for {@code jq}. */
    json,
    /** The same answer as YAML. */
    yaml,
    /** Connector names only, one a line, for shell loops. */
    name
}

package com.kinetica.kafka.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.ConfigKey;
import org.apache.kafka.common.config.types.Password;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes the Markdown configuration reference from the connectors' ConfigDefs, so the
 * documentation cannot drift from the code. Run by the build ({@code exec-maven-plugin}) with the
 * test classpath, so the plugin's jar does not carry it; {@code --fail-if-stale} fails when the
 * committed file differs from what the ConfigDefs say.
 */
public final class ConfigReference {

    /** One titled section of the reference: the options of one connector. */
    public record Section(String title, String intro, ConfigDef def) {
    }

    private static final String SINK_INTRO = """
            Writes Kafka topics into Kinetica tables, at least once: offsets are committed only for \
            records Kinetica has acknowledged, and with a primary key and upserts a replay leaves the \
            table exactly as before.

            Values may be Connect structs (Avro, JSON with schemas), schemaless maps (any Map) or JSON \
            text (a string or bytes holding a JSON object). Tables the connector creates get one column \
            per field; optional fields (and, for schemaless values, every field but the key) are nullable:

            | Connect type | Kinetica column |
            |---|---|
            | INT8, INT16 | int with property int8, int16 |
            | INT32, INT64 | int, long |
            | FLOAT32, FLOAT64 | float, double |
            | BOOLEAN | int with property boolean (1/0) |
            | STRING, BYTES | string, bytes |
            | Date, Time | string with property date (YYYY-MM-DD), time (HH:MM:SS.mmm), UTC |
            | Timestamp | long with property timestamp (ms since the epoch) |
            | Decimal | string with property decimal |
            | STRUCT, MAP, ARRAY | string holding JSON text (struct fields in schema order, bytes as base64) |

            Existing tables are used as they are: values are converted to their columns (e.g. a \
            Timestamp into a datetime column), and a record that does not fit goes to Connect's error \
            handling (errors.tolerance, dead-letter queue) or fails the task, naming topic, partition, \
            offset, table and column. Kinetica outages and errors are retried \
            (kinetica.retry_count, kinetica.retry_backoff_ms). Table naming, evolution, deletes, change data capture, delivery \
            and failures in detail: kinetica-sink.md (beside this file).""";

    private ConfigReference() {
    }

    /** The sections of connector/docs/config-reference.md, in order. */
    public static List<Section> sections() {
        return List.of(
                new Section("Sink connector (com.kinetica.kafka.KineticaSinkConnector)", SINK_INTRO,
                        KineticaSinkConfig.configDef()),
                new Section("Source connector (com.kinetica.kafka.KineticaSourceConnector)",
                        "Reads Kinetica tables into Kafka topics by polling /get/records in the order of an "
                                + "incrementing and/or timestamp column, resuming from the stored offset of each "
                                + "table. Modes, guarantees, topic naming and the type mapping: kinetica-source.md (beside this file).",
                        KineticaSourceConfig.CONFIG_DEF));
    }

    /**
     * Usage: {@code ConfigReference <output.md> [--fail-if-stale]}. Writes the reference;
     * with {@code --fail-if-stale} it then fails when the file it replaced was different, so
     * a build on a checkout with a stale committed file fails (and leaves the fixed file to commit).
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: ConfigReference <output.md> [--fail-if-stale]");
        }
        Path out = Path.of(args[0]);
        String markdown = render(sections());
        String previous = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : null;
        if (markdown.equals(previous)) {
            return;
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, markdown, StandardCharsets.UTF_8);
        if (args.length > 1 && args[1].equals("--fail-if-stale")) {
            throw new IllegalStateException(out + " was stale and has been regenerated from the ConfigDefs: "
                    + "commit it and build again");
        }
    }

    /** The whole reference as Markdown. */
    public static String render(List<Section> sections) {
        StringBuilder md = new StringBuilder();
        md.append("# Kinetica connector configuration reference\n\n")
                .append("<!-- Generated from the connectors' ConfigDefs by ")
                .append(ConfigReference.class.getName())
                .append(" during the build. Do not edit by hand. -->\n");
        for (Section section : sections) {
            md.append("\n## ").append(section.title()).append("\n\n").append(section.intro()).append("\n");
            renderSection(md, section.def());
        }
        return md.toString();
    }

    private static void renderSection(StringBuilder md, ConfigDef def) {
        List<String> groups = new ArrayList<>(def.groups());
        List<ConfigKey> keys = new ArrayList<>(def.configKeys().values());
        keys.sort(Comparator.<ConfigKey>comparingInt(k -> k.group == null ? Integer.MAX_VALUE : groups.indexOf(k.group))
                .thenComparingInt(k -> k.orderInGroup)
                .thenComparing(k -> k.name));
        String currentGroup = "\u0000";
        for (ConfigKey key : keys) {
            String group = key.group == null ? "Other" : key.group;
            if (!group.equals(currentGroup)) {
                currentGroup = group;
                md.append("\n### ").append(group).append("\n\n")
                        .append("| Name | Type | Default | Valid values | Importance | Description |\n")
                        .append("|---|---|---|---|---|---|\n");
            }
            md.append("| `").append(key.name).append("` | ")
                    .append(key.type.name().toLowerCase()).append(" | ")
                    .append(defaultText(key)).append(" | ")
                    .append(key.validator == null ? "" : cell(key.validator.toString())).append(" | ")
                    .append(key.importance.name().toLowerCase()).append(" | ")
                    .append(cell(key.documentation)).append(" |\n");
        }
    }

    private static String defaultText(ConfigKey key) {
        if (!key.hasDefault()) {
            return "required";
        }
        Object value = key.defaultValue;
        if (value == null) {
            return "";
        }
        if (value instanceof Password) {
            return "\"\"";
        }
        String text = value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                : String.valueOf(value);
        return text.isEmpty() ? "\"\"" : "`" + cell(text) + "`";
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}

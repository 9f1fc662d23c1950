package dev.kconnect.cli.topic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kconnect.cli.client.Json;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.charset.StandardCharsets;

/** One record of {@code kconnect topic read} as a line: its value (and key), or a JSON object. */
public final class RecordView {

    private RecordView() {
    }

    /** The value as text; with {@code key}, the key and a tab first. A missing key or value shows as null. */
    public static String text(ConsumerRecord<byte[], byte[]> record, boolean key) {
        String value = string(record.value());
        return key ? string(record.key()) + "\t" + value : value;
    }

    /** {"partition":…,"offset":…,"timestamp":…,"key":…,"value":…}; a key or value that is JSON is kept as JSON, else as a string. */
    public static String json(ConsumerRecord<byte[], byte[]> record) {
        ObjectNode line = Json.MAPPER.createObjectNode();
        line.put("partition", record.partition());
        line.put("offset", record.offset());
        line.put("timestamp", record.timestamp());
        line.set("key", node(record.key()));
        line.set("value", node(record.value()));
        return line.toString();
    }

    private static JsonNode node(byte[] bytes) {
        if (bytes == null) {
            return Json.MAPPER.nullNode();
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        try {
            JsonNode parsed = Json.MAPPER.readTree(text);
            return parsed == null || parsed.isMissingNode() ? TextNode.valueOf(text) : parsed;
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text);
        }
    }

    private static String string(byte[] bytes) {
        return bytes == null ? "null" : new String(bytes, StandardCharsets.UTF_8);
    }
}

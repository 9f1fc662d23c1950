package dev.kconnect.cli.topic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kconnect.cli.client.Json;

import java.util.Iterator;
import java.util.Map;

/**
 * The schema of Connect's JsonConverter ({@code {"schema": …, "payload": …}}) for a JSON value,
 * inferred from one example: whole numbers become int64, others double, strings string, true and
 * false boolean, objects structs, arrays arrays of their first element's type. A null becomes an
 * optional string; everything else is required.
 */
public final class SchemaInference {

    private SchemaInference() {
    }

    public static ObjectNode schemaOf(JsonNode value) {
        ObjectNode schema = Json.MAPPER.createObjectNode();
        if (value == null || value.isNull()) {
            return schema.put("type", "string").put("optional", true);
        }
        if (value.isObject()) {
            schema.put("type", "struct");
            ArrayNode fields = schema.putArray("fields");
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                ObjectNode fieldSchema = Json.MAPPER.createObjectNode().put("field", field.getKey());
                fieldSchema.setAll(schemaOf(field.getValue()));
                fields.add(fieldSchema);
            }
            return schema.put("optional", false);
        }
        if (value.isArray()) {
            schema.put("type", "array");
            schema.set("items", value.isEmpty() ? schemaOf(null) : schemaOf(value.get(0)));
            return schema.put("optional", false);
        }
        String type = value.isIntegralNumber() ? "int64" : value.isNumber() ? "double"
                : value.isBoolean() ? "boolean" : "string";
        return schema.put("type", type).put("optional", false);
    }

    /** {"schema": SCHEMA, "payload": VALUE}. */
    public static ObjectNode envelope(ObjectNode schema, JsonNode value) {
        ObjectNode envelope = Json.MAPPER.createObjectNode();
        envelope.set("schema", schema);
        envelope.set("payload", value);
        return envelope;
    }
}

package com.kinetica.kafka.convert;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kinetica.kafka.client.Failures;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record's value as the table conversion takes it: a struct with its schema, or, without a
 * schema, a map (JSON text and bytes read as one).
 */
public record RecordValue(Schema schema, Object value) {
    /** Integral JSON numbers as longs, as JsonConverter gives them: the same value, the same column type. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    /** @throws DataException when the value is neither a struct, a map nor a JSON object */
    public static RecordValue of(SinkRecord record) {
        Schema schema = record.valueSchema();
        if (schema == null && record.value() instanceof Struct s) {
            return new RecordValue(s.schema(), s);
        }
        if (schema != null && !(record.value() instanceof Struct)) {
            throw new DataException("the value is a " + schema.type() + ", not a struct, map or JSON object");
        }
        return new RecordValue(schema, schema == null ? asMap(record.value()) : record.value());
    }

    private static Map<?, ?> asMap(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        if (value instanceof String || value instanceof byte[]) {
            try {
                return value instanceof String s ? JSON.readValue(s, MAP) : JSON.readValue((byte[]) value, MAP);
            } catch (IOException e) {
                throw new DataException("the value is not a JSON object: " + Failures.summary(e));
            }
        }
        throw new DataException("a value without schema must be a map or a JSON object, not a "
                + value.getClass().getSimpleName());
    }
}

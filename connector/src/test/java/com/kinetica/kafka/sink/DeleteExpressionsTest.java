package com.kinetica.kafka.sink;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DeleteExpressionsTest {

    @Test
    void keysBecomeEqualities() {
        Schema keySchema = SchemaBuilder.struct().field("a", Schema.INT32_SCHEMA).field("b", Schema.STRING_SCHEMA).build();
        assertEquals("a = 1 and b = 'it''s'",
                DeleteExpressions.forKey(List.of("a", "b"), new Struct(keySchema).put("a", 1).put("b", "it's")));
        assertEquals("id = 5", DeleteExpressions.forKey(List.of("id"), 5L));
        assertEquals("id = 'x'", DeleteExpressions.forKey(List.of("id"), Map.of("id", "x")));
    }

    @Test
    void keysThatDoNotNameTheRowAreErrors() {
        assertThrows(DataException.class, () -> DeleteExpressions.forKey(List.of(), 5));
        assertThrows(DataException.class, () -> DeleteExpressions.forKey(List.of("id"), null));
        assertThrows(DataException.class, () -> DeleteExpressions.forKey(List.of("a", "b"), 5));
        assertThrows(DataException.class, () -> DeleteExpressions.forKey(List.of("id"), Map.of("other", 1)));
    }
}

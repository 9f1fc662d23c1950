package com.kinetica.kafka.sink;

import com.gpudb.Type;
import com.kinetica.kafka.convert.ColumnKind;
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
    static List<Type.Column> keys(String... names) {
        return java.util.Arrays.stream(names).map(n -> new Type.Column(n, String.class)).toList();
    }

    @Test
    void keysBecomeEqualities() {
        Schema keySchema = SchemaBuilder.struct().field("a", Schema.INT32_SCHEMA).field("b", Schema.STRING_SCHEMA).build();
        assertEquals("a = 1 and b = 'it''s'",
                DeleteExpressions.forKey(keys("a", "b"), new Struct(keySchema).put("a", 1).put("b", "it's")));
        assertEquals("id = 5", DeleteExpressions.forKey(keys("id"), 5L));
        assertEquals("id = 'x'", DeleteExpressions.forKey(keys("id"), Map.of("id", "x")));
    }

    @Test
    void keysOfSemanticAndTimeTypesAreWrittenAsTheirColumnsHoldThem() {
        Schema keySchema = SchemaBuilder.struct()
                .field("at", SchemaBuilder.int64().name("io.debezium.time.MicroTimestamp").build())
                .field("day", SchemaBuilder.int32().name("io.debezium.time.Date").build())
                .field("on", org.apache.kafka.connect.data.Date.SCHEMA)
                .field("id", SchemaBuilder.string().name("io.debezium.data.Uuid").build())
                .build();
        List<Type.Column> columns = List.of(ColumnKind.TIMESTAMP.column("at", false, true),
                ColumnKind.DATE.column("day", false, true), ColumnKind.DATE.column("on", false, true),
                ColumnKind.UUID.column("id", false, true));
        Struct key = new Struct(keySchema).put("at", 1_700_000_000_123_456L).put("day", 19_000)
                .put("on", new java.util.Date(19_000 * 86_400_000L)).put("id", "0f8fad5b-d9cb-469f-a165-70867728950e");
        assertEquals("at = 1700000000123 and day = '2022-01-08' and on = '2022-01-08' "
                + "and id = '0f8fad5b-d9cb-469f-a165-70867728950e'", DeleteExpressions.forKey(columns, key));
        assertEquals("at = 1700000000123456", DeleteExpressions.forKey(List.of(ColumnKind.LONG.column("at", false, true)),
                key), "a long column made before the sink knew the type holds microseconds");
    }

    @Test
    void keysThatDoNotNameTheRowAreErrors() {
        assertThrows(DataException.class, () -> DeleteExpressions.forKey(keys(), 5));
        assertThrows(DataException.class, () -> DeleteExpressions.forKey(keys("id"), null));
        assertThrows(DataException.class, () -> DeleteExpressions.forKey(keys("a", "b"), 5));
        assertThrows(DataException.class, () -> DeleteExpressions.forKey(keys("id"), Map.of("other", 1)));
    }
}

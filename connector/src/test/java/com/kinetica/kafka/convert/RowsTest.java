package com.kinetica.kafka.convert;

import com.gpudb.ColumnProperty;
import com.gpudb.GenericRecord;
import com.gpudb.Type;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RowsTest {
    private static final Type TABLE = new Type(
            new Type.Column("id", Long.class, ColumnProperty.PRIMARY_KEY),
            new Type.Column("name", String.class, ColumnProperty.CHAR8, ColumnProperty.NULLABLE),
            new Type.Column("score", Double.class),
            new Type.Column("extra", String.class, ColumnProperty.NULLABLE));

    @Test
    void structFieldsGoToColumnsByName() {
        Schema schema = SchemaBuilder.struct()
                .field("score", Schema.FLOAT32_SCHEMA)
                .field("id", Schema.INT32_SCHEMA)
                .field("name", Schema.OPTIONAL_STRING_SCHEMA)
                .field("ignored", Schema.STRING_SCHEMA)
                .build();
        StructRows rows = StructRows.plan(TableLayout.of(TABLE), schema);
        assertEquals(List.of("ignored"), rows.extraFields().stream().map(f -> f.name()).toList());
        GenericRecord r = rows.convert(new Struct(schema).put("score", 1.5f).put("id", 7).put("name", "ann")
                .put("ignored", "x"));
        assertEquals(7L, r.get(0));
        assertEquals("ann", r.get(1));
        assertEquals(1.5, r.get(2));
        assertNull(r.get(3));
    }

    @Test
    void aMissingRequiredFieldNamesTheColumn() {
        Schema schema = SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA).build();
        StructRows rows = StructRows.plan(TableLayout.of(TABLE), schema);
        assertEquals(List.of("score"), rows.missingRequired());
        ColumnException e = assertThrows(ColumnException.class, () -> rows.convert(new Struct(schema).put("id", 1L)));
        assertEquals("score", e.column());
    }

    @Test
    void badValuesNameTheColumn() {
        Schema schema = SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA).field("name", Schema.STRING_SCHEMA)
                .field("score", Schema.FLOAT64_SCHEMA).build();
        StructRows rows = StructRows.plan(TableLayout.of(TABLE), schema);
        ColumnException e = assertThrows(ColumnException.class,
                () -> rows.convert(new Struct(schema).put("id", 1L).put("name", "much too long").put("score", 1.0)));
        assertEquals("name", e.column());
        assertTrue(e.getMessage().contains("char8"), e.getMessage());
    }

    @Test
    void anyMapImplementationWorks() {
        MapRows rows = new MapRows(TableLayout.of(TABLE));
        for (Map<String, Object> map : List.<Map<String, Object>>of(new HashMap<>(), new TreeMap<>())) {
            map.put("id", 3L);
            map.put("score", 2);
            map.put("other", "x");
            GenericRecord r = rows.convert(map);
            assertEquals(3L, r.get(0));
            assertNull(r.get(1));
            assertEquals(2.0, r.get(2));
            assertEquals(List.of("other"), rows.unknownKeys(map));
        }
        ColumnException e = assertThrows(ColumnException.class, () -> rows.convert(Map.of("score", 1.0)));
        assertEquals("id", e.column());
    }
}

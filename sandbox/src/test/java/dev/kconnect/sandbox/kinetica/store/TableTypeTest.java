package dev.kconnect.sandbox.kinetica.store;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableTypeTest {
    static String definition(String... fields) {
        return "{\"type\":\"record\",\"name\":\"t\",\"fields\":[" + String.join(",", fields) + "]}";
    }

    static String field(String name, String type) {
        return "{\"name\":\"" + name + "\",\"type\":" + type + "}";
    }

    @Test
    void parsesColumnsPropertiesAndKeys() {
        TableType type = TableType.parse(definition(field("id", "\"long\""), field("name", "[\"string\",\"null\"]")),
                "people", Map.of("id", List.of("primary_key"), "name", List.of("char16")));
        assertEquals(List.of("id", "name"), type.columns().stream().map(Column::name).toList());
        assertTrue(type.column("name").nullable());
        assertEquals(List.of("data", "char16", "nullable"), type.properties().get("name"));
        assertEquals(List.of("data", "primary_key"), type.properties().get("id"), "every column is listed, with data");
        assertEquals(16, type.column("name").charLength());
        assertEquals(1, type.primaryKey().length);
        assertEquals(type.id(), TableType.parse(type.definition(), "people", type.properties()).id());
        assertNotEquals(type.id(), TableType.parse(type.definition(), "people", Map.of()).id());
        assertEquals(type.id(), TableType.parse(type.definition(), "people", Map.of("id", List.of("data", "primary_key"),
                "name", List.of("char16"))).id(), "data is the default: giving it makes the same type");
    }

    @Test
    void refusesWhatKineticaRefuses() {
        String id = field("id", "\"int\"");
        assertThrows(KineticaError.class, () -> TableType.parse("not json", "", Map.of()));
        assertThrows(KineticaError.class, () -> TableType.parse(definition(id, id), "", Map.of()));
        assertThrows(KineticaError.class, () -> TableType.parse(definition(field("x", "[\"null\",\"int\"]")), "", Map.of()));
        assertThrows(KineticaError.class, () -> TableType.parse(definition(field("x", "\"boolean\"")), "", Map.of()));
        assertThrows(KineticaError.class, () -> TableType.parse(definition(id), "", Map.of("other", List.of("data"))));
        assertThrows(KineticaError.class, () -> TableType.parse(definition(field("id", "[\"int\",\"null\"]")), "",
                Map.of("id", List.of("primary_key"))));
        assertThrows(KineticaError.class, () -> TableType.parse(definition(id), "", Map.of("id", List.of("nullable"))));
    }
}

package com.kinetica.kafka.sink;

import com.kinetica.kafka.schema.TableId;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TableNamerTest {
    private static final Schema APPLE = SchemaBuilder.struct().name("com.acme.fruit.Apple").build();
    private static final Schema NAMELESS = SchemaBuilder.struct().build();

    @Test
    void tableIsNamedAfterTheSchemaByDefault() {
        TableNamer namer = new TableNamer("", "", false, List.of("t"), List.of());
        assertEquals(new TableId("", "Apple"), namer.tableFor("t", APPLE));
        assertEquals(new TableId("", "t"), namer.tableFor("t", NAMELESS));
        assertEquals(new TableId("", "t"), namer.tableFor("t", null));
    }

    @Test
    void singleTablePerTopicUsesTheTopic() {
        TableNamer namer = new TableNamer("", "", true, List.of("t"), List.of());
        assertEquals(new TableId("", "t"), namer.tableFor("t", APPLE));
    }

    @Test
    void prefixAndSchemaApplyToDerivedNames() {
        TableNamer namer = new TableNamer("ki", "kafka_", false, List.of(), List.of());
        assertEquals("ki.kafka_Apple", namer.tableFor("t", APPLE).qualified());
        assertEquals("ki.kafka_Tweets_Test", namer.tableFor("Tweets.Test", null).qualified());
    }

    @Test
    void destinationNamesOverrideTopicByTopic() {
        TableNamer namer = new TableNamer("ki", "p_", false, List.of("a", "b", "c"), List.of("one", "other.two", "three"));
        assertEquals("ki.one", namer.tableFor("a", APPLE).qualified());
        assertEquals("other.two", namer.tableFor("b", null).qualified());
        assertEquals("ki.three", namer.tableFor("c", null).qualified());
        assertEquals("ki.p_Apple", namer.tableFor("d", APPLE).qualified());
    }

    @Test
    void tableIdsParseSchemaAndTable() {
        assertEquals(new TableId("s", "t.u"), TableId.parse("s.t.u", ""));
        assertEquals(new TableId("d", "t"), TableId.parse(" t ", "d"));
        assertEquals("t", new TableId("", "t").qualified());
    }
}

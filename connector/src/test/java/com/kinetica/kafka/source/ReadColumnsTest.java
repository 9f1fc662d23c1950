package com.kinetica.kafka.source;

import com.gpudb.ColumnProperty;
import com.gpudb.Type;
import com.kinetica.kafka.config.ReadMode;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadColumnsTest {
    private static final Type KEYED = new Type("keyed",
            new Type.Column("id", Long.class, ColumnProperty.PRIMARY_KEY),
            new Type.Column("name", String.class, ColumnProperty.CHAR16),
            new Type.Column("ts", Long.class, ColumnProperty.TIMESTAMP));
    private static final Type UNKEYED = new Type("unkeyed",
            new Type.Column("name", String.class),
            new Type.Column("seq", Integer.class),
            new Type.Column("changed", String.class, ColumnProperty.DATETIME),
            new Type.Column("maybe", Long.class, ColumnProperty.NULLABLE));

    @Test
    void autoPicksTheIntegerPrimaryKeyThenTheOnlyTimestamp() {
        assertEquals(new ReadColumns(ReadMode.INCREMENTING, null, false, "id"),
                ReadColumns.resolve("t", KEYED, ReadMode.AUTO, null, null));
        assertEquals(new ReadColumns(ReadMode.TIMESTAMP, "changed", true, null),
                ReadColumns.resolve("t", UNKEYED, ReadMode.AUTO, null, null));
        assertEquals(new ReadColumns(ReadMode.TIMESTAMP_INCREMENTING, "changed", true, "seq"),
                ReadColumns.resolve("t", UNKEYED, ReadMode.AUTO, "seq", "changed"));
        assertEquals(new ReadColumns(ReadMode.TIMESTAMP_INCREMENTING, "ts", false, "id"),
                ReadColumns.resolve("t", KEYED, ReadMode.TIMESTAMP_INCREMENTING, null, null));
    }

    @Test
    void columnsThatCannotOrderRowsAreRefusedWithTheOptionToFix() {
        assertMessage("Table 't' has no column 'nope' (it has [id, name, ts]); fix kinetica.source.incrementing_column",
                KEYED, ReadMode.INCREMENTING, "nope", null);
        assertMessage("Column 'name' of table 't' is String [char16], not an integer",
                KEYED, ReadMode.INCREMENTING, "name", null);
        assertMessage("Column 'name' of table 't' is String, not a timestamp", UNKEYED, ReadMode.TIMESTAMP, null, "name");
        assertMessage("Column 'maybe' of table 't' is nullable", UNKEYED, ReadMode.INCREMENTING, "maybe", null);
        assertMessage("Table 't' has no single integer primary key column", UNKEYED, ReadMode.INCREMENTING, null, null);
        Type plain = new Type("plain", new Type.Column("name", String.class));
        assertMessage("Table 't' has neither a single integer primary key column nor exactly one timestamp column",
                plain, ReadMode.AUTO, null, null);
    }

    private static void assertMessage(String expected, Type type, ReadMode mode, String inc, String ts) {
        ConnectException e = assertThrows(ConnectException.class, () -> ReadColumns.resolve("t", type, mode, inc, ts));
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }
}

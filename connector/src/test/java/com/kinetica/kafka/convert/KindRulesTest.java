package com.kinetica.kafka.convert;

import com.gpudb.GenericRecord;
import com.gpudb.Type;
import com.gpudb.Type.Column.ColumnType;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * What the source and the sink ask of a kind beyond conversions: which columns order rows, how a
 * timestamp column reads as epoch milliseconds, and the length of charN columns. Checked for every
 * kind against gpudb-api's own column types, which the source used to ask directly.
 */
class KindRulesTest {

    @Test
    void everyKindOrdersRowsAsGpudbApisColumnTypeSays() {
        Set<ColumnType> integral = Set.of(ColumnType.INT8, ColumnType.INT16, ColumnType.INTEGER, ColumnType.LONG);
        for (ColumnKind kind : ColumnKind.values()) {
            ColumnType type = kind.column("c", false, false).getColumnType();
            assertEquals(integral.contains(type), kind.wholeNumber(), kind::name);
            assertEquals(type == ColumnType.TIMESTAMP || type == ColumnType.DATETIME, kind.pointInTime(), kind::name);
            assertEquals(type == ColumnType.TIMESTAMP || type == ColumnType.DATETIME || type == ColumnType.LONG,
                    kind.readsAsEpochMillis(), kind::name);
        }
    }

    @Test
    void timestampColumnsReadAsEpochMilliseconds() {
        assertEquals(1_700_000_000_123L, ColumnKind.TIMESTAMP.epochMillis(1_700_000_000_123L));
        assertEquals(1_700_000_000_123L, ColumnKind.LONG.epochMillis(1_700_000_000_123L));
        assertEquals(1_700_000_000_123L, ColumnKind.DATETIME.epochMillis("2023-11-14 22:13:20.123"));
        assertEquals(1_699_920_000_000L, ColumnKind.DATETIME.epochMillis("2023-11-14"));
    }

    @Test
    void charNColumnsAreMadeAndHeldToTheirLength() {
        Type.Column column = ColumnKind.STRING.column("code", false, false, 4);
        assertEquals("char4", column.getProperties().get(0));
        assertEquals(ColumnType.CHAR4, column.getColumnType());
        TableLayout layout = TableLayout.of(new Type("t", column, ColumnKind.STRING.column("any", false, false)));
        GenericRecord record = layout.newRecord();
        layout.put(record, 0, "abcd");
        layout.put(record, 1, "x".repeat(300));
        assertEquals("abcd", record.get(0));
        ColumnException e = assertThrows(ColumnException.class, () -> layout.put(record, 0, "abcde"));
        assertEquals("column 'code': text of 5 characters is longer than the column's char4", e.getMessage());
    }
}

package com.kinetica.kafka;

import com.gpudb.ColumnProperty;
import com.gpudb.GPUdb;
import com.gpudb.GenericRecord;
import com.gpudb.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;
import java.util.stream.LongStream;

/** A test table of events (id primary key, timestamp, name) in Kinetica, through the real client. */
final class EventsTable {
    static final Type EVENTS = new Type("events",
            new Type.Column("id", Long.class, ColumnProperty.PRIMARY_KEY),
            new Type.Column("ts", Long.class, ColumnProperty.TIMESTAMP),
            new Type.Column("name", String.class, ColumnProperty.CHAR16));

    private EventsTable() {
    }

    static void create(GPUdb db, String table) throws Exception {
        db.createTable(table, EVENTS.create(db), Map.of());
    }

    /** Inserts events with ids {@code from..to} and the timestamp {@code ts.apply(id)}. */
    static void insert(GPUdb db, String table, long from, long to, LongUnaryOperator ts) throws Exception {
        List<GenericRecord> rows = new ArrayList<>();
        for (long id = from; id <= to; id++) {
            GenericRecord row = new GenericRecord(EVENTS);
            row.put("id", id);
            row.put("ts", ts.applyAsLong(id));
            row.put("name", "event " + id);
            rows.add(row);
        }
        db.insertRecords(table, rows, Map.of());
    }

    static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }
}

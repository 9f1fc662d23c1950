package com.kinetica.kafka.sink;

import com.gpudb.GPUdbException;
import com.gpudb.Type;
import com.kinetica.kafka.cdc.ChangeEvent;
import com.kinetica.kafka.cdc.ChangeEvents;
import com.kinetica.kafka.client.Failures;
import com.kinetica.kafka.config.ChangeEventOptions;
import com.kinetica.kafka.config.KineticaSinkConfig;
import com.kinetica.kafka.convert.RecordValue;
import com.kinetica.kafka.schema.TableId;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns each record into the write it asks of its table and buffers it, in record order: a row,
 * a delete for a tombstone, or what a Debezium change event says ({@link ChangeEvent}). A record
 * that cannot be converted goes to {@link ErrantRecords}.
 */
final class RecordWrites {
    private static final Logger log = LoggerFactory.getLogger(RecordWrites.class);

    /** Writes a buffer now: rows of a table's present shape go before it changes. */
    interface Flush {
        void flush(TableBuffer b) throws WriteFailure;
    }

    private final KineticaSinkConfig config;
    /** Reads change events; null when they are stored as rows. */
    private final ChangeEvents changeEvents;
    private final Routes routes;
    private final ErrantRecords errant;
    private final Diagnosis diagnosis;
    private final Flush flush;
    private final HeldRecords held;
    private final boolean tableFromSource;
    private final boolean tableFromStringKey;
    /** Topics that carried change events: their tombstones only follow deletes, for log compaction. */
    private final Set<String> changeTopics = new HashSet<>();
    private final Set<TableId> truncatesSkipped = new HashSet<>();

    RecordWrites(KineticaSinkConfig config, Routes routes, ErrantRecords errant, Diagnosis diagnosis, Flush flush) {
        this.config = config;
        this.changeEvents = config.applyChangeEvents() ? new ChangeEvents() : null;
        this.routes = routes;
        this.errant = errant;
        this.diagnosis = diagnosis;
        this.flush = flush;
        this.held = new HeldRecords(config.originals());
        this.tableFromSource = config.tableFromSource();
        this.tableFromStringKey = config.tableFromStringKey();
    }

    void accept(SinkRecord record) throws WriteFailure {
        if (record.value() == null) {
            if (config.deleteOnTombstone() && !changeTopics.contains(record.topic())) {
                tombstone(record);
            }
            return;
        }
        TableId id = null;
        ChangeEvent event = null;
        try {
            RecordValue v = RecordValue.of(record);
            event = changeEvents == null ? null : changeEvents.read(v);
            if (event != null) {
                changeTopics.add(record.topic());
                id = routes.tableOfChange(record.topic(), event, tableFromSource);
                change(record, id, event);
            } else {
                id = tableFromStringKey && record.valueSchema() == null && record.key() instanceof String k
                        ? routes.tableOfKey(record.topic(), k) : routes.tableOf(record.topic(), v.schema());
                row(record, routes.forValue(id, record.topic(), record.key(), v.schema(), v.value()), v, false);
            }
        } catch (DataException e) {
            if (event != null && event.op() == ChangeEvent.Op.UPSERT) {
                throw unfitting(record, id, e);
            }
            errant.report(record, id, e);
        } catch (GPUdbException e) {
            WriteFailure f = diagnosis.of(id, e);
            if (f.kind() != WriteFailure.Kind.REFUSED) {
                routes.forget(id);
                throw f;
            }
            errant.report(record, id, new DataException("Kinetica refused to create or alter the table for it: "
                    + Failures.summary(e), e));
        }
    }

    /**
     * A change event's row the table cannot take: the source's table changed in a way the
     * table does not follow. Skipping it would leave the row as it was while later changes apply,
     * so the task stops, and nothing after it is committed.
     */
    private static ConnectException unfitting(SinkRecord record, TableId id, DataException e) {
        return new ConnectException("Table " + id + " cannot take the row of change event " + Coordinates.of(record)
                + ": " + e.getMessage() + ". Change events are applied in order, so the task stops rather than skip "
                + "it: alter the table to fit (or let " + KineticaSinkConfig.EVOLUTION_ENABLED + " with "
                + KineticaSinkConfig.ADD_NEW_FIELDS + " and " + KineticaSinkConfig.MAKE_MISSING_NULLABLE
                + " change it), then restart the task", e);
    }

    /** Buffers the row of a value, changing the table first when evolution asks for it. */
    private void row(SinkRecord record, Routes.Route route, RecordValue v, boolean upsert)
            throws GPUdbException, WriteFailure {
        TableStructure s = route.structure();
        TableBuffer b = route.buffer();
        if (s.needsChange(v.schema(), v.value())) {
            flush.flush(b); // rows of the table's present shape go first
            s.change(v.schema(), v.value());
            b.takeForRetype(s.type());
        }
        b.add(Write.Row.of(s.convert(v.schema(), v.value(), record), held.hold(record), upsert));
    }

    /**
     * Buffers what a change event asks. Its table is created from the row after, keyed by the
     * record key or the key columns the event names; a delete or truncate of a table that does not
     * exist has nothing to do.
     */
    private void change(SinkRecord record, TableId id, ChangeEvent event) throws GPUdbException, WriteFailure {
        if (event.op() == ChangeEvent.Op.UPSERT) {
            RecordValue after = event.after();
            Object key = event.keyedByRecord() ? record.key() : event.keyOf(after.value());
            Routes.Route route = routes.forValue(id, record.topic(), key, after.schema(), after.value());
            if (!event.keyedByRecord()) {
                deleteMovedKey(route, event, record);
            }
            row(record, route, after, true);
            return;
        }
        if (event.op() == ChangeEvent.Op.TRUNCATE && !config.clearOnTruncate()) {
            if (truncatesSkipped.add(id)) {
                log.warn("Skipping a truncate event for table {} ({}): set {}=true to clear the table on truncate "
                        + "events. Later ones for it are skipped without a word", id, Coordinates.of(record),
                        ChangeEventOptions.CLEAR_ON_TRUNCATE);
            }
            return;
        }
        Routes.Route route = routes.existing(id);
        if (route == null) {
            log.debug("Change event {} for missing table {}: nothing to delete", event.op(), id);
        } else if (event.op() == ChangeEvent.Op.TRUNCATE) {
            route.buffer().add(new Write.Truncate(held.hold(record)));
        } else {
            // a source table without a key gives no record key: its row before then names the row
            Object key = event.keyedByRecord() && record.key() != null ? record.key() : event.before();
            route.buffer().add(deleteOf(route.structure(), key, held.hold(record)));
        }
    }

    /**
     * An update whose row before has another key than the row after (GoldenGate writes a key
     * change as one update): the row of the old key goes first. Without the key in before, the
     * event does not say, and nothing goes.
     */
    private void deleteMovedKey(Routes.Route route, ChangeEvent event, SinkRecord record) {
        List<Type.Column> keyColumns = DeleteExpressions.primaryKeyColumns(route.structure().type());
        Object before = event.before();
        if (keyColumns.isEmpty() || before == null
                || !ChangeEvent.hasFields(before, keyColumns.stream().map(Type.Column::getName).toList())) {
            return;
        }
        String old = DeleteExpressions.forKey(keyColumns, before);
        if (!old.equals(DeleteExpressions.forKey(keyColumns, event.after().value()))) {
            route.buffer().add(new Write.Delete(old, before, held.hold(record)));
        }
    }

    private void tombstone(SinkRecord record) throws WriteFailure {
        TableId id = routes.tombstoneTable(record.topic(), record.valueSchema());
        Routes.Route route;
        try {
            route = routes.existing(id);
        } catch (GPUdbException e) {
            throw diagnosis.of(id, e);
        }
        if (route == null) {
            log.debug("Tombstone for missing table {}: nothing to delete", id);
            return;
        }
        try {
            route.buffer().add(deleteOf(route.structure(), record.key(), held.hold(record)));
        } catch (DataException e) {
            errant.report(record, id, e);
        }
    }

    /** A delete of the row {@code key} names; {@code record} is the one the write keeps. */
    private static Write.Delete deleteOf(TableStructure s, Object key, SinkRecord record) {
        return new Write.Delete(DeleteExpressions.forKey(DeleteExpressions.primaryKeyColumns(s.type()), key), key,
                record);
    }

    /** Converts a buffer's writes again, for the table as it is now. */
    void refit(TableBuffer b, TableStructure s) {
        for (Write w : b.takeForRetype(s.type())) {
            SinkRecord record = w.source();
            try {
                b.add(switch (w.kind()) {
                    case ROW, UPSERT -> {
                        Write.Row row = (Write.Row) w;
                        RecordValue v = valueOf(row);
                        yield Write.Row.of(s.convert(v.schema(), v.value(), record), record, row.upsert());
                    }
                    case DELETE -> deleteOf(s, ((Write.Delete) w).key(), record);
                    case TRUNCATE -> w;
                });
            } catch (DataException e) {
                errant.report(record, b.id(), e);
            }
        }
    }

    /** The value a row was converted from: the record's value, or a change event's row after. */
    private RecordValue valueOf(Write.Row row) {
        RecordValue v = RecordValue.of(row.source());
        return row.upsert() ? changeEvents.read(v).after() : v;
    }

    /**
     * Creates a dropped table again from the first row its buffer holds, and converts the buffer
     * for it; a buffer of deletes only is emptied, the rows they name being gone with the table.
     */
    void recreate(TableBuffer b) throws WriteFailure {
        Write.Row first = null;
        for (int i = 0; i < b.size() && first == null; i++) {
            first = b.write(i) instanceof Write.Row r ? r : null;
        }
        if (first == null) {
            b.dropFirst(b.size());
            return;
        }
        log.warn("Table {} is gone; creating it again for its {} buffered records", b.id(), b.size());
        try {
            RecordValue v = valueOf(first);
            refit(b, routes.to(b.id(), first.source().key(), v.schema(), v.value()).structure());
        } catch (GPUdbException e) {
            throw diagnosis.of(b.id(), e);
        }
    }
}

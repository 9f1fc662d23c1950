package com.kinetica.kafka.sink;

import com.gpudb.GPUdbException;
import com.kinetica.kafka.client.Failures;
import com.kinetica.kafka.config.KineticaSinkConfig;
import com.kinetica.kafka.schema.TableId;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * Turns each record into the write it asks of its table (a row, or a delete for a tombstone) and
 * buffers it, in record order. A record that cannot be converted goes to {@link ErrantRecords}.
 */
final class RecordWrites {
    private static final Logger log = LoggerFactory.getLogger(RecordWrites.class);

    /** Writes a buffer now: rows of a table's present shape go before it changes. */
    interface Flush {
        void flush(TableBuffer b) throws WriteFailure;
    }

    private final KineticaSinkConfig config;
    private final Routes routes;
    private final ErrantRecords errant;
    private final Diagnosis diagnosis;
    private final Flush flush;

    RecordWrites(KineticaSinkConfig config, Routes routes, ErrantRecords errant, Diagnosis diagnosis, Flush flush) {
        this.config = config;
        this.routes = routes;
        this.errant = errant;
        this.diagnosis = diagnosis;
        this.flush = flush;
    }

    void accept(SinkRecord record) throws WriteFailure {
        if (record.value() == null) {
            if (config.deleteOnTombstone()) {
                tombstone(record);
            }
            return;
        }
        TableId id = null;
        try {
            RecordValue v = RecordValue.of(record);
            id = routes.tableOf(record.topic(), v.schema());
            row(record, routes.forValue(id, record.topic(), record.key(), v.schema(), v.value()), v);
        } catch (DataException e) {
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

    /** Buffers the row of a value, changing the table first when evolution asks for it. */
    private void row(SinkRecord record, Routes.Route route, RecordValue v) throws GPUdbException, WriteFailure {
        TableStructure s = route.structure();
        TableBuffer b = route.buffer();
        if (s.needsChange(v.schema(), v.value())) {
            flush.flush(b); // rows of the table's present shape go first
            s.change(v.schema(), v.value());
            b.takeForRetype(s.type());
        }
        b.add(new Write.Row(s.convert(v.schema(), v.value(), record), record));
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
            route.buffer().add(deleteOf(route.structure(), record));
        } catch (DataException e) {
            errant.report(record, id, e);
        }
    }

    private static Write.Delete deleteOf(TableStructure s, SinkRecord record) {
        return new Write.Delete(DeleteExpressions.forKey(DeleteExpressions.primaryKeyColumns(s.type()), record.key()),
                record);
    }

    /** Converts a buffer's writes again, for the table as it is now. */
    void refit(TableBuffer b, TableStructure s) {
        for (Write w : b.takeForRetype(s.type())) {
            SinkRecord record = w.source();
            try {
                b.add(switch (w.kind()) {
                    case DELETE -> deleteOf(s, record);
                    case ROW -> {
                        RecordValue v = RecordValue.of(record);
                        yield new Write.Row(s.convert(v.schema(), v.value(), record), record);
                    }
                });
            } catch (DataException e) {
                errant.report(record, b.id(), e);
            }
        }
    }

    /**
     * Creates a dropped table again from the first row its buffer holds, and converts the buffer
     * for it; a buffer of deletes only is emptied, the rows they name being gone with the table.
     */
    void recreate(TableBuffer b) throws WriteFailure {
        SinkRecord first = null;
        for (int i = 0; i < b.size() && first == null; i++) {
            first = b.write(i) instanceof Write.Row r ? r.source() : null;
        }
        if (first == null) {
            b.dropFirst(b.size());
            return;
        }
        log.warn("Table {} is gone; creating it again for its {} buffered records", b.id(), b.size());
        try {
            RecordValue v = RecordValue.of(first);
            refit(b, routes.to(b.id(), first.key(), v.schema(), v.value()).structure());
        } catch (GPUdbException e) {
            throw diagnosis.of(b.id(), e);
        }
    }
}

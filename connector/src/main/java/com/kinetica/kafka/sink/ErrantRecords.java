package com.kinetica.kafka.sink;

import com.kinetica.kafka.schema.TableId;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records that can never be written: handed to Connect's error handling (errors.tolerance,
 * dead-letter queue), or, without it, a task failure that names the record and the reason.
 */
public final class ErrantRecords {
    private static final Logger log = LoggerFactory.getLogger(ErrantRecords.class);

    private final ErrantRecordReporter reporter;

    /** @param reporter Connect's reporter, or {@code null} on workers without one */
    public ErrantRecords(ErrantRecordReporter reporter) {
        this.reporter = reporter;
    }

    public void report(SinkRecord record, TableId table, Throwable reason) {
        String message = "Cannot write record " + Coordinates.of(record) + (table == null ? "" : " to table " + table)
                + ": " + reason.getMessage();
        if (reporter == null) {
            throw new ConnectException(message + ". Fix the record or the table, or set errors.tolerance=all "
                    + "(and errors.deadletterqueue.topic.name) to skip such records", reason);
        }
        try {
            reporter.report(record, new DataException(message, reason));
        } catch (ConnectException toleranceExceeded) {
            throw new ConnectException(message + ". Set errors.tolerance=all (and errors.deadletterqueue.topic.name) "
                    + "to skip such records", reason);
        }
        log.warn("{}; sent to Connect's error handling", message);
    }
}

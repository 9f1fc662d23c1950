package com.kinetica.kafka.sink;

import com.gpudb.GPUdb;
import com.gpudb.GPUdbException;
import com.kinetica.kafka.client.Failures;
import com.kinetica.kafka.schema.TableId;

import java.util.Map;

/**
 * What a failed call about a table means for its records. Kinetica's error does not say whether
 * it is about a record or about the server, so an answered error is followed by a plain question
 * about the table: when that fails too, the server is in trouble (it passes); when it is answered,
 * the table is missing or Kinetica refused what was sent.
 */
final class Diagnosis {
    private final GPUdb gpudb;

    Diagnosis(GPUdb gpudb) {
        this.gpudb = gpudb;
    }

    WriteFailure of(TableId id, GPUdbException e) {
        String message = Failures.summary(e);
        WriteFailure.Kind kind = kindOf(e);
        if (kind != null) {
            return new WriteFailure(kind, id, message, e);
        }
        boolean exists;
        try {
            exists = gpudb.hasTable(id.qualified(), Map.of()).getTableExists();
        } catch (GPUdbException probe) {
            kind = kindOf(probe);
            return new WriteFailure(kind == null ? WriteFailure.Kind.SERVER : kind, id, message, e);
        }
        if (!exists) {
            return new WriteFailure(WriteFailure.Kind.TABLE_MISSING, id, "table " + id + " does not exist", e);
        }
        return new WriteFailure(WriteFailure.Kind.REFUSED, id, message, e);
    }

    /** The kind when the error alone tells, else null (Kinetica answered). */
    private static WriteFailure.Kind kindOf(GPUdbException e) {
        return switch (Failures.classify(e)) {
            case UNAUTHORIZED -> WriteFailure.Kind.UNAUTHORIZED;
            case UNREACHABLE -> WriteFailure.Kind.UNREACHABLE;
            case ANSWERED -> null;
        };
    }
}

package dev.kconnect.sandbox.kinetica.endpoint;

import dev.kconnect.sandbox.kinetica.store.Column;
import dev.kconnect.sandbox.kinetica.store.KineticaError;
import dev.kconnect.sandbox.kinetica.store.TableType;
import org.apache.avro.io.BinaryDecoder;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A record-level fault: inserts holding a record whose column has a given value are refused,
 * the way Kinetica refuses a record that breaks a constraint, while every other call succeeds.
 * Lets tests tell "this record can never be written" from "the server is in trouble".
 */
public final class Refusals {
    private record Rule(String column, String value) {
    }

    private volatile Rule rule;

    /** Refuses inserts of records whose {@code column} holds {@code value} (compared as text). */
    public void refuse(String column, Object value) {
        rule = new Rule(Objects.requireNonNull(column), String.valueOf(value));
    }

    /** The rule in force as {@code column=value}, if any. */
    public Optional<String> describe() {
        Rule r = rule;
        return r == null ? Optional.empty() : Optional.of(r.column() + "=" + r.value());
    }

    public void clear() {
        rule = null;
    }

    /** Throws Kinetica's error when a record of the request breaks the rule. */
    void check(TableType type, List<ByteBuffer> records) {
        Rule r = rule;
        if (r == null) {
            return;
        }
        List<Column> columns = type.columns();
        int index = -1;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(r.column())) {
                index = i;
            }
        }
        if (index < 0) {
            return;
        }
        BinaryDecoder[] reuse = new BinaryDecoder[1];
        for (ByteBuffer record : records) {
            Object value = type.codec().decode(record.duplicate(), reuse)[index];
            if (value != null && String.valueOf(value).equals(r.value())) {
                throw new KineticaError("Insertion failed: value '" + value + "' of column '" + r.column()
                        + "' violates a constraint of the table");
            }
        }
    }
}

package dev.kconnect.sandbox.kinetica.endpoint;

import dev.kconnect.sandbox.kinetica.store.TableType;
import org.apache.avro.io.BinaryDecoder;

import java.nio.ByteBuffer;
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

    /** Why Kinetica would refuse the record under the rule in force, or null when it takes it. */
    String problem(TableType type, ByteBuffer record, BinaryDecoder[] reuse) {
        Rule r = rule;
        int index = r == null ? -1 : type.position(r.column());
        if (index < 0) {
            return null;
        }
        Object value = type.codec().decode(record.duplicate(), reuse)[index];
        if (value != null && String.valueOf(value).equals(r.value())) {
            return "Insertion failed: value '" + value + "' of column '" + r.column()
                    + "' violates a constraint of the table";
        }
        return null;
    }
}

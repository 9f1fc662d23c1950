package dev.kconnect.sandbox.kinetica.endpoint;

import dev.kconnect.sandbox.kinetica.store.Column;
import dev.kconnect.sandbox.kinetica.store.KineticaError;
import dev.kconnect.sandbox.kinetica.store.RowCodec;
import dev.kconnect.sandbox.kinetica.store.Table;
import dev.kconnect.sandbox.kinetica.store.TableType;
import org.apache.avro.io.BinaryDecoder;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The records of one /insert/records call, checked against the table's type: those fit to insert,
 * and why each other one is refused, by its position in the request. Without individual errors
 * the first bad record fails the call, as in Kinetica.
 */
final class Records {
    private final List<ByteBuffer> sent;
    private final boolean individually;
    private final List<Table.NewRow> rows;
    /** The request position of each row; null while every record is fit (position = row). */
    private int[] positions;
    private final Map<Integer, String> problems = new TreeMap<>();

    private Records(List<ByteBuffer> sent, boolean individually) {
        this.sent = sent;
        this.individually = individually;
        this.rows = new ArrayList<>(sent.size());
    }

    /**
     * Checks each record against the type and takes its key; only a record with a maybe too long
     * charN value is decoded. A bad record fails the call unless {@code individually}.
     */
    static Records check(TableType type, List<ByteBuffer> sent, Refusals refusals, boolean truncate,
                         boolean individually) {
        Records records = new Records(sent, individually);
        RowCodec codec = type.codec();
        int keyLength = type.primaryKey().length;
        BinaryDecoder[] reuse = new BinaryDecoder[1];
        for (int i = 0; i < sent.size(); i++) {
            ByteBuffer record = sent.get(i);
            try {
                String refused = refusals.problem(type, record, reuse);
                if (refused != null) {
                    throw new KineticaError(refused);
                }
                RowCodec.Scan scan = codec.scan(record, reuse, keyLength);
                records.take(i, scan.mayBeTooLong() ? checkLengths(type, codec.decode(record, reuse), truncate)
                        : new Table.NewRow(scan.key(), bytes(record)));
            } catch (KineticaError e) {
                if (!individually) {
                    throw e;
                }
                records.problems.put(i, e.getMessage());
            }
        }
        return records;
    }

    private void take(int position, Table.NewRow row) {
        if (positions == null && position != rows.size()) {
            positions = new int[sent.size()];
            for (int i = 0; i < rows.size(); i++) {
                positions[i] = i;
            }
        }
        if (positions != null) {
            positions[rows.size()] = position;
        }
        rows.add(row);
    }

    /** The records fit to insert, in request order. */
    List<Table.NewRow> rows() {
        return rows;
    }

    /** The binary records of {@link #rows()}. */
    List<ByteBuffer> bytes() {
        if (positions == null) {
            return sent.subList(0, rows.size());
        }
        List<ByteBuffer> kept = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            kept.add(sent.get(positions[i]));
        }
        return kept;
    }

    /** Refuses the record of row {@code row} (its position in {@link #rows()}). */
    void refuse(int row, String problem) {
        problems.put(positions == null ? row : positions[row], problem);
    }

    /** How many records are fit to insert now that every problem is known. */
    int fit() {
        return sent.size() - problems.size();
    }

    boolean anyRefused() {
        return !problems.isEmpty();
    }

    String firstProblem() {
        return problems.values().iterator().next();
    }

    /** Kinetica's individual report, for the answer's info: bad_record_indices and an error_N per bad record. */
    Map<String, String> report() {
        Map<String, String> info = new HashMap<>();
        if (individually) {
            StringJoiner indices = new StringJoiner(",");
            problems.forEach((position, problem) -> {
                indices.add(String.valueOf(position));
                info.put("error_" + position, problem);
            });
            info.put("bad_record_indices", indices.toString());
        }
        return info;
    }

    private static Table.NewRow checkLengths(TableType type, Object[] values, boolean truncate) {
        List<Column> columns = type.columns();
        for (int i = 0; i < values.length; i++) {
            int max = columns.get(i).charLength();
            if (max > 0 && values[i] instanceof String value && value.length() > max) {
                if (!truncate) {
                    throw new KineticaError("Value '" + value + "' is too long for column '"
                            + columns.get(i).name() + "' (char" + max + "); use option truncate_strings");
                }
                values[i] = value.substring(0, max);
            }
        }
        return new Table.NewRow(type.keyOf(values), type.codec().encode(values));
    }

    /** The record's bytes, without copying when the buffer is exactly one array (as Avro decodes them). */
    private static byte[] bytes(ByteBuffer record) {
        if (record.hasArray() && record.arrayOffset() == 0 && record.position() == 0
                && record.remaining() == record.array().length) {
            return record.array();
        }
        byte[] bytes = new byte[record.remaining()];
        record.duplicate().get(bytes);
        return bytes;
    }
}

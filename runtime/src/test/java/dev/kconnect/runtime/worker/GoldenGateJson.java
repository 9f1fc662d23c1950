package dev.kconnect.runtime.worker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Operations as Oracle GoldenGate's JSON formatter writes them in "op" mode, primary keys
 * included: {@code table}, {@code op_type} (I, U, D), {@code op_ts}, {@code current_ts},
 * {@code pos}, {@code primary_keys}, {@code before} and {@code after}, column names upper case.
 */
final class GoldenGateJson {
    private GoldenGateJson() {
    }

    /** The operation for a Debezium-style op: c and r insert, u update, d delete. */
    static String operation(String table, String op, Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("table", table);
        json.put("op_type", switch (op) {
            case "c", "r" -> "I";
            case "u" -> "U";
            case "d" -> "D";
            default -> throw new IllegalArgumentException(op);
        });
        json.put("op_ts", "2026-12-07 10:00:00.000000");
        json.put("current_ts", "2026-12-07T10:00:01.000000");
        json.put("pos", "00000000000000001234");
        json.put("primary_keys", List.of("ID"));
        if (before != null && !op.equals("c") && !op.equals("r")) {
            json.put("before", upper(before));
        }
        if (after != null) {
            json.put("after", upper(after));
        }
        return DebeziumJson.write(json);
    }

    private static Map<String, Object> upper(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((k, v) -> out.put(k.toUpperCase(), v));
        return out;
    }
}

package dev.kconnect.cli.kinetica;

import java.util.List;
import java.util.Map;

/** Rows of a table: the columns in order, the rows read (column to value), and how many matched in all. */
public record Rows(List<String> columns, List<Map<String, Object>> rows, long total) {
}

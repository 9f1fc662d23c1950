package dev.kconnect.cli.kinetica;

import java.util.List;

/** A Kinetica table: its name (schema.table), how many rows it holds, its columns in order. */
public record TableInfo(String name, long rows, List<String> columns) {
}

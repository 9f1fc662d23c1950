package dev.kconnect.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Columns aligned on the plain text; state words coloured after padding so colours never skew widths. */
public final class Table {

    private final String[] headers;
    private final List<String[]> rows = new ArrayList<>();
    private final Set<Integer> stateColumns = new HashSet<>();

    public Table(String... headers) {
        this.headers = headers;
    }

    /** Marks the columns whose state words are coloured. */
    public Table states(int... columns) {
        for (int c : columns) {
            stateColumns.add(c);
        }
        return this;
    }

    public Table row(Object... cells) {
        String[] row = new String[headers.length];
        for (int i = 0; i < row.length; i++) {
            row[i] = i < cells.length && cells[i] != null ? cells[i].toString() : "";
        }
        rows.add(row);
        return this;
    }

    public void print(PrintWriter out, Style style) {
        int[] widths = new int[headers.length];
        for (int i = 0; i < headers.length; i++) {
            widths[i] = headers[i].length();
            for (String[] row : rows) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        line(out, headers, widths, style, true);
        for (String[] row : rows) {
            line(out, row, widths, style, false);
        }
        out.flush();
    }

    private void line(PrintWriter out, String[] cells, int[] widths, Style style, boolean header) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            boolean last = i == cells.length - 1;
            String cell = cells[i];
            String padding = last ? "" : " ".repeat(widths[i] - cell.length() + 2);
            line.append(header ? style.bold(cell) : stateColumns.contains(i) ? style.states(cell) : cell).append(padding);
        }
        out.println(line.toString().stripTrailing());
    }
}

package com.kinetica.kafka.source;

import com.kinetica.kafka.config.ReadMode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which rows of a table to ask for next, and which of the rows returned to send with which
 * offset. /get/records sorts on one column only, so a page is cut after its last complete
 * timestamp: rows that share a timestamp are only sent once all of them have been seen, or,
 * when one timestamp fills a whole page, paged on their own (by the incrementing column in
 * timestamp+incrementing mode; by row offset in timestamp mode, with the offset held at the
 * previous timestamp until the group is done, so a restart re-reads the group: at least once).
 * Not thread-safe: one per table reader.
 */
public final class ReadCriteria {
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** One /get/records call: filter, sort column (ascending), row offset and limit. */
    public record Query(String expression, String sortBy, long offset, int limit) {
    }

    /** A row of the last page to send (its index there) and the offset to send it with. */
    public record Emit(int index, SourceOffset offset) {
    }

    private final ReadColumns columns;
    private final int batchSize;
    private SourceOffset position;
    /** The timestamp whose rows are being paged on their own, or null. */
    private Long group;
    /** Rows of {@link #group} already sent (timestamp mode). */
    private long groupSent;

    public ReadCriteria(ReadColumns columns, int batchSize, SourceOffset start) {
        this.columns = columns;
        this.batchSize = batchSize;
        this.position = start;
    }

    /** The offset of the last row sent, or the start. */
    public SourceOffset position() {
        return position;
    }

    /** Whether the rows of one timestamp are being paged on their own. */
    public boolean pagingOneTime() {
        return group != null;
    }

    public Query next() {
        String ts = columns.timestamp() == null ? null : identifier(columns.timestamp());
        String inc = columns.incrementing() == null ? null : identifier(columns.incrementing());
        if (columns.mode() == ReadMode.INCREMENTING) {
            String filter = position.incrementing() == null ? "" : inc + " > " + position.incrementing();
            return new Query(filter, inc, 0, batchSize);
        }
        if (group != null) {
            String sameTime = ts + " = " + literal(group);
            if (columns.mode() == ReadMode.TIMESTAMP) {
                return new Query(sameTime, ts, groupSent, batchSize);
            }
            boolean inGroup = group.equals(position.timestamp()) && position.incrementing() != null;
            return new Query(inGroup ? sameTime + " and " + inc + " > " + position.incrementing() : sameTime,
                    inc, 0, batchSize);
        }
        if (position.timestamp() == null) {
            return new Query("", ts, 0, batchSize);
        }
        String later = ts + " > " + literal(position.timestamp());
        if (columns.mode() == ReadMode.TIMESTAMP_INCREMENTING && position.incrementing() != null) {
            return new Query("(" + later + ") or (" + ts + " = " + literal(position.timestamp()) + " and "
                    + inc + " > " + position.incrementing() + ")", ts, 0, batchSize);
        }
        return new Query(later, ts, 0, batchSize);
    }

    /**
     * Takes the rows the last {@link #next()} query returned, as their offsets in the order
     * Kinetica sent them, and says which to send, in order, with their offsets.
     *
     * @param full whether more rows matched than were returned (Kinetica caps a page at its
     *             max_get_records_size, which may be below the batch size)
     */
    public List<Emit> accept(List<SourceOffset> page, boolean full) {
        if (columns.mode() == ReadMode.INCREMENTING) {
            return sendAll(page);
        }
        if (group != null) {
            return columns.mode() == ReadMode.TIMESTAMP ? acceptGroupByCount(page, full) : acceptGroupByIncrementing(page, full);
        }
        if (page.isEmpty()) {
            return List.of();
        }
        List<Integer> order = sortedIndexes(page);
        int end = order.size();
        if (full) {
            long last = page.get(order.get(end - 1)).timestamp();
            while (end > 0 && page.get(order.get(end - 1)).timestamp() == last) {
                end--;
            }
            if (end == 0) {
                // one timestamp fills the page: page through its rows on their own
                group = last;
                groupSent = 0;
                return List.of();
            }
        }
        List<Emit> emits = new ArrayList<>(end);
        for (int i = 0; i < end; i++) {
            SourceOffset row = page.get(order.get(i));
            boolean lastOfItsTime = i == end - 1 || page.get(order.get(i + 1)).timestamp() != row.timestamp().longValue();
            if (columns.mode() == ReadMode.TIMESTAMP && !lastOfItsTime) {
                // its timestamp is not done until the last row of it is sent
                emits.add(new Emit(order.get(i), position));
            } else {
                position = columns.mode() == ReadMode.TIMESTAMP ? new SourceOffset(row.timestamp(), null) : row;
                emits.add(new Emit(order.get(i), position));
            }
        }
        return emits;
    }

    /**
     * Takes rows a table monitor published, as their offsets in the order published, and says which
     * to send, in reading order, with their offsets: those after the position, as the next query
     * would find them (a row at or before it was sent already, or would never be read).
     *
     * @return null while one timestamp's rows are paged on their own: only reads can finish that
     */
    public List<Emit> acceptPushed(List<SourceOffset> rows) {
        if (group != null) {
            return null;
        }
        List<Integer> after = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            if (isAfterPosition(rows.get(i))) {
                after.add(i);
            }
        }
        after.sort(Comparator.comparing(rows::get, READING_ORDER));
        List<SourceOffset> sorted = new ArrayList<>(after.size());
        after.forEach(i -> sorted.add(rows.get(i)));
        List<Emit> emits = columns.mode() == ReadMode.INCREMENTING ? sendAll(sorted) : accept(sorted, false);
        List<Emit> mapped = new ArrayList<>(emits.size());
        for (Emit emit : emits) {
            mapped.add(new Emit(after.get(emit.index()), emit.offset()));
        }
        return mapped;
    }

    /** Rows in the order reads sort them: by timestamp, then incrementing value (either may be absent). */
    private static final Comparator<SourceOffset> READING_ORDER = Comparator
            .comparing(SourceOffset::timestamp, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(SourceOffset::incrementing, Comparator.nullsFirst(Comparator.naturalOrder()));

    private boolean isAfterPosition(SourceOffset row) {
        return switch (columns.mode()) {
            case INCREMENTING -> position.incrementing() == null || row.incrementing() > position.incrementing();
            case TIMESTAMP -> position.timestamp() == null || row.timestamp() > position.timestamp();
            default -> position.timestamp() == null || row.timestamp() > position.timestamp()
                    || row.timestamp().equals(position.timestamp())
                    && position.incrementing() != null && row.incrementing() > position.incrementing();
        };
    }

    private List<Emit> sendAll(List<SourceOffset> page) {
        List<Emit> emits = new ArrayList<>(page.size());
        for (int i = 0; i < page.size(); i++) {
            position = page.get(i);
            emits.add(new Emit(i, position));
        }
        return emits;
    }

    private List<Emit> acceptGroupByIncrementing(List<SourceOffset> page, boolean full) {
        List<Emit> emits = sendAll(page);
        if (!full) {
            group = null;
        }
        return emits;
    }

    private List<Emit> acceptGroupByCount(List<SourceOffset> page, boolean full) {
        List<Emit> emits = new ArrayList<>(page.size());
        for (int i = 0; i < page.size(); i++) {
            boolean groupDone = !full && i == page.size() - 1;
            if (groupDone) {
                position = new SourceOffset(group, null);
            }
            emits.add(new Emit(i, position));
        }
        groupSent += page.size();
        if (!full) {
            group = null;
        }
        return emits;
    }

    private List<Integer> sortedIndexes(List<SourceOffset> page) {
        Comparator<Integer> byTime = Comparator.comparingLong(i -> page.get(i).timestamp());
        if (columns.mode() == ReadMode.TIMESTAMP_INCREMENTING) {
            byTime = byTime.thenComparingLong(i -> page.get(i).incrementing());
        }
        List<Integer> order = new ArrayList<>(page.size());
        for (int i = 0; i < page.size(); i++) {
            order.add(i);
        }
        order.sort(byTime); // stable: equal rows keep Kinetica's order
        return order;
    }

    private String literal(long timestamp) {
        return columns.timestampKind().literal(timestamp);
    }

    /** A column name as written in an expression: quoted when it is not a plain identifier. */
    static String identifier(String column) {
        return PLAIN_NAME.matcher(column).matches() ? column : "\"" + column.replace("\"", "\"\"") + "\"";
    }
}

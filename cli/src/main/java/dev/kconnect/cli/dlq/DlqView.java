package dev.kconnect.cli.dlq;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kconnect.cli.client.Json;
import dev.kconnect.cli.output.Printer;
import dev.kconnect.cli.output.Table;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** {@code kconnect dlq NAME}: a count per exception (or stage), then the records; or all of it as one JSON document. */
public final class DlqView {

    /** How the summary groups records. */
    public enum GroupBy {
        exception(DlqRecord::exception), stage(r -> r.stage() == null ? "(no error context)" : r.stage());

        final Function<DlqRecord, String> key;

        GroupBy(Function<DlqRecord, String> key) {
            this.key = key;
        }
    }

    private static final int VALUE_WIDTH = 60;

    private final DeadLetterQueue queue;
    private final DlqReader.Contents contents;
    private final GroupBy groupBy;

    public DlqView(DeadLetterQueue queue, DlqReader.Contents contents, GroupBy groupBy) {
        this.queue = queue;
        this.contents = contents;
        this.groupBy = groupBy;
    }

    /** Count per group, largest first, ties in the order first seen. */
    public Map<String, Integer> summary() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        contents.records().forEach(r -> counts.merge(groupBy.key.apply(r), 1, Integer::sum));
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    public void table(Printer printer) {
        PrintWriter out = printer.out();
        List<DlqRecord> records = contents.records();
        out.println("dead-letter queue '" + queue.topic() + "' of connector '" + queue.connector() + "': "
                + contents.total() + " record(s)" + (records.size() < contents.total() ? ", the first " + records.size()
                + " read (--max)" : ""));
        if (records.isEmpty()) {
            out.flush();
            return;
        }
        out.println();
        Table summary = new Table("COUNT", groupBy.name().toUpperCase());
        summary().forEach((key, count) -> summary.row(count, key));
        summary.print(out, printer.style());
        out.println();
        Table table = new Table("DLQ", "ORIGIN", "STAGE", "EXCEPTION", "VALUE");
        for (DlqRecord r : records) {
            table.row(r.dlqPartition() + "@" + r.dlqOffset(), r.origin(), r.stage() == null ? "-" : r.stage(),
                    r.exceptionClass() == null ? "-" : shortName(r.exceptionClass()), cut(r.valueText()));
        }
        table.print(out, printer.style());
        out.flush();
    }

    /** Everything, for programs: the summary and each record with every header Connect wrote. */
    public ObjectNode json() {
        ObjectNode root = Json.MAPPER.createObjectNode()
                .put("connector", queue.connector())
                .put("topic", queue.topic())
                .put("total", contents.total())
                .put("read", contents.records().size())
                .put("context_headers", queue.contextHeaders())
                .put("group_by", groupBy.name());
        ArrayNode summary = root.putArray("summary");
        summary().forEach((key, count) -> summary.addObject().put(groupBy.name(), key).put("count", count));
        ArrayNode records = root.putArray("records");
        for (DlqRecord r : contents.records()) {
            ObjectNode node = records.addObject()
                    .put("dlq_partition", r.dlqPartition()).put("dlq_offset", r.dlqOffset()).put("timestamp", r.timestamp())
                    .put("topic", r.topic());
            putNumber(node, "partition", r.partition());
            putNumber(node, "offset", r.offset());
            node.put("connector", r.connector());
            putNumber(node, "task", r.task());
            node.put("stage", r.stage()).put("class", r.pluginClass()).put("exception", r.exceptionClass())
                    .put("message", r.message()).put("stacktrace", r.stacktrace())
                    .put("key", r.keyText()).put("value", r.value() == null ? null : r.valueText())
                    .put("replayed_from", r.replayedFrom());
        }
        return root;
    }

    private static void putNumber(ObjectNode node, String name, Number n) {
        if (n == null) {
            node.putNull(name);
        } else {
            node.put(name, n.longValue());
        }
    }

    private static String shortName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static String cut(String text) {
        String oneLine = text.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= VALUE_WIDTH ? oneLine : oneLine.substring(0, VALUE_WIDTH - 1) + "…";
    }
}

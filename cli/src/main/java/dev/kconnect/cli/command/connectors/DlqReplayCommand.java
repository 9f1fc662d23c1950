package dev.kconnect.cli.command.connectors;

import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.command.ApiCommand;
import dev.kconnect.cli.dlq.DeadLetterQueue;
import dev.kconnect.cli.dlq.DlqReader;
import dev.kconnect.cli.dlq.DlqRecord;
import dev.kconnect.cli.dlq.Replayer;
import dev.kconnect.cli.dlq.Where;
import dev.kconnect.cli.input.BadInputException;
import dev.kconnect.cli.output.Format;
import dev.kconnect.cli.output.Printer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Write records of a sink's dead-letter queue back to their original topic (or --to another), "
                + "key, value and headers as they were, without Connect's __connect.errors.* headers and with "
                + "kconnect.replayed.from=DLQ/PARTITION/OFFSET. A record that carries that header failed again after "
                + "a replay: it is never replayed again, so nothing loops. Counts what it wrote, per topic.",
            "--where picks records, all conditions holding: FIELD=VALUE, FIELD~REGEX, FIELD>=N, FIELD<=N; fields: "
                + "topic, partition, offset, stage, class, exception, message, dlq-partition, dlq-offset."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  kconnect dlq replay orders-sink --where stage=VALUE_CONVERTER",
            "  kconnect dlq replay orders-sink --where 'exception~DataException' --where 'offset>=1200'",
            "  kconnect dlq replay orders-sink --to orders-retry --dry-run"
        })
public final class DlqReplayCommand extends ApiCommand {

    @Parameters(paramLabel = "NAME", description = "The sink connector.")
    String name;

    @Option(names = "--to", paramLabel = "TOPIC", description = "Write into this topic, not each record's original one.")
    String to;

    @Option(names = "--where", paramLabel = "CONDITION", description = "Replay only the records that match; repeatable.")
    List<String> where;

    @Option(names = "--dry-run", description = "Count what would be written, write nothing.")
    boolean dryRun;

    @Mixin
    DlqKafkaOptions kafka;

    @Override
    protected void run(ConnectClient client, Printer printer) {
        if (printer.format() == Format.name) {
            throw new ParameterException(spec.commandLine(), "replay reports counts: -o table, json or yaml");
        }
        Predicate<DlqRecord> chosen = Where.parse(where);
        DeadLetterQueue queue = DeadLetterQueue.of(client, name);
        DlqReader.Contents contents = DlqReader.read(kafka.bootstrap(connection), queue.topic(), kafka.max);
        List<DlqRecord> records = contents.records().stream().filter(chosen).toList();
        long lost = records.stream().filter(r -> r.replayedFrom() == null && r.topic() == null).count();
        if (to == null && lost > 0) {
            throw new BadInputException(lost + " chosen record(s) do not say which topic they came from; give --to TOPIC ("
                    + queue.contextAdvice() + ")");
        }
        Replayer.Outcome outcome = dryRun ? plan(records) : Replayer.replay(kafka.bootstrap(connection), queue.topic(), records, to);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("connector", name);
        report.put("dlq", queue.topic());
        report.put("read", contents.records().size());
        report.put("chosen", records.size());
        report.put("written", outcome.written());
        report.put("skipped_replayed_before", outcome.skipped());
        report.put("dry_run", dryRun);
        if (printer.format() != Format.table) {
            printer.printValue(report);
            return;
        }
        StringBuilder line = new StringBuilder(dryRun ? "would replay " : "replayed ").append(outcome.total())
                .append(" of ").append(records.size()).append(" chosen record(s) (").append(contents.records().size())
                .append(" read) from '").append(queue.topic()).append("'");
        outcome.written().forEach((topic, n) -> line.append(", ").append(n).append(" to ").append(topic));
        if (outcome.skipped() > 0) {
            line.append("; skipped ").append(outcome.skipped()).append(" that failed again after a replay");
        }
        printer.out().println(line);
        printer.out().flush();
    }

    /** What a replay would write, for --dry-run. */
    private Replayer.Outcome plan(List<DlqRecord> records) {
        Map<String, Integer> written = new LinkedHashMap<>();
        int skipped = 0;
        for (DlqRecord r : records) {
            if (r.replayedFrom() != null) {
                skipped++;
            } else {
                written.merge(to != null ? to : r.topic(), 1, Integer::sum);
            }
        }
        return new Replayer.Outcome(written, skipped);
    }
}

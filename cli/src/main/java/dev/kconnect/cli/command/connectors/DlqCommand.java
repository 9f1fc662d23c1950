package dev.kconnect.cli.command.connectors;

import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.command.ApiCommand;
import dev.kconnect.cli.dlq.DeadLetterQueue;
import dev.kconnect.cli.dlq.DlqReader;
import dev.kconnect.cli.dlq.DlqView;
import dev.kconnect.cli.output.Printer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

@Command(name = "dlq", mixinStandardHelpOptions = true, subcommands = DlqReplayCommand.class,
        description = {"Show a sink connector's dead-letter queue: the topic its errors.deadletterqueue.topic.name names, "
                + "read from the start, with what Connect's __connect.errors.* headers say of each record (original "
                + "topic, partition and offset, stage, class, exception, message, stack trace: they are written when "
                + "errors.deadletterqueue.context.headers.enable=true).",
            "Prints a count per exception (or per stage), then the records. -o json|yaml: one document with the "
                + "summary and every record, its headers decoded. Exit 3 when the connector has no dead-letter queue."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  kconnect dlq orders-sink --bootstrap-server localhost:9092",
            "  kconnect dlq orders-sink --group-by stage",
            "  kconnect dlq orders-sink -o json | jq -r '.records[] | [.offset, .exception, .message] | @tsv'",
            "  kconnect dlq replay orders-sink --where stage=VALUE_CONVERTER      write them back to their topics"
        })
public final class DlqCommand extends ApiCommand {

    // optional for picocli only: "dlq replay NAME" must reach the subcommand; run() requires it
    @Parameters(paramLabel = "NAME", arity = "0..1", description = "The sink connector.")
    String name;

    @Option(names = "--group-by", paramLabel = "FIELD", defaultValue = "exception",
            description = "Count the records per ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    DlqView.GroupBy groupBy;

    @Mixin
    DlqKafkaOptions kafka;

    @Override
    protected void run(ConnectClient client, Printer printer) {
        if (name == null) {
            throw new ParameterException(spec.commandLine(), "give the sink connector's NAME: kconnect dlq NAME, "
                    + "or kconnect dlq replay NAME");
        }
        if (kafka.max < 1) {
            throw new ParameterException(spec.commandLine(), "--max must be 1 or more, not " + kafka.max);
        }
        DeadLetterQueue queue = DeadLetterQueue.of(client, name);
        DlqReader.Contents contents = DlqReader.read(kafka.bootstrap(connection), queue.topic(), kafka.max);
        DlqView view = new DlqView(queue, contents, groupBy);
        switch (printer.format()) {
            case json, yaml -> printer.printValue(view.json());
            case name -> {
                printer.out().println(queue.topic());
                printer.out().flush();
            }
            case table -> view.table(printer);
        }
        if (contents.records().stream().anyMatch(r -> !r.hasContext())) {
            output.notice(queue.contextAdvice());
        }
    }
}

package dev.kconnect.cli.command.data;

import dev.kconnect.cli.command.ClusterOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Records in Kafka topics, read and written straight from the brokers (no Kafka tools needed). */
@Command(name = "topic", mixinStandardHelpOptions = true,
        description = {"Read and write the records of a Kafka topic, against any broker (no Kafka download needed).",
            "The brokers: --bootstrap-server, else $KCONNECT_BOOTSTRAP_SERVERS, else the context's, else "
                + ClusterOptions.DEFAULT + "."},
        subcommands = {TopicReadCommand.class, TopicWriteCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  kconnect topic write orders --schema --file orders.jsonl",
            "  kconnect topic read orders --from-beginning --max 10 -o json"
        })
public final class TopicCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

package dev.kconnect.cli.command.data;

import dev.kconnect.cli.command.Credentials;
import dev.kconnect.cli.command.ClusterOptions;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kconnect.cli.client.Json;
import dev.kconnect.cli.input.BadInputException;
import dev.kconnect.cli.topic.KafkaClients;
import dev.kconnect.cli.topic.SchemaInference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

@Command(name = "write", mixinStandardHelpOptions = true,
        description = {"Write records to a topic: one JSON value a line, from --file or standard input; blank lines "
                + "are skipped. Every line is checked before any is sent.",
            "--schema wraps each in the envelope of Connect's JsonConverter with schemas enabled "
                + "({\"schema\": …, \"payload\": …}), the schema inferred from the first line (whole numbers int64, "
                + "others double, strings, booleans, objects as structs, arrays; a null an optional string), "
                + "so a sink with a schema-aware converter (the Kinetica sink) takes them as they are."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  echo '{\"id\": 1, \"product\": \"tea\", \"quantity\": 2, \"price\": 3.5}' | kconnect topic write orders --schema",
            "  kconnect topic write orders --file orders.jsonl --bootstrap-server kafka-1:9092"
        })
public final class TopicWriteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TOPIC", description = "Topic to write to (the broker may create it).")
    String topic;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Lines of JSON to send (default: standard input).")
    Path file;

    @Option(names = "--schema", description = "Wrap each value in the JsonConverter's schema envelope, the schema "
            + "inferred from the first line.")
    boolean schema;

    @Mixin
    ClusterOptions cluster;

    @Override
    public Integer call() {
        List<String> values = values(lines());
        String bootstrap = cluster.bootstrap();
        try (KafkaProducer<String, String> producer = KafkaClients.producer(bootstrap)) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (String value : values) {
                sent.add(producer.send(new ProducerRecord<>(topic, value)));
            }
            producer.flush();
            for (Future<RecordMetadata> future : sent) {
                future.get();
            }
        } catch (TimeoutException e) {
            throw KafkaClients.unreachable(bootstrap, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException) {
                throw KafkaClients.unreachable(bootstrap, e.getCause());
            }
            throw new BadInputException("the broker refused a record for topic '" + topic + "': " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
        spec.commandLine().getOut().println("wrote " + values.size() + " record" + (values.size() == 1 ? "" : "s")
                + " to topic " + topic);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The records to send: each line checked as JSON, wrapped in the schema envelope with --schema. */
    private List<String> values(List<String> lines) {
        String source = file == null ? "standard input" : file.toString();
        List<String> values = new ArrayList<>();
        ObjectNode inferred = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            JsonNode value;
            try {
                value = Json.MAPPER.readTree(line);
            } catch (JsonProcessingException e) {
                throw new BadInputException("line " + (i + 1) + " of " + source + " is not JSON ("
                        + e.getOriginalMessage() + "); give one JSON value a line");
            }
            if (schema && inferred == null) {
                inferred = SchemaInference.schemaOf(value);
            }
            values.add(schema ? SchemaInference.envelope(inferred, value).toString() : value.toString());
        }
        if (values.isEmpty()) {
            throw new BadInputException("no records in " + source + ": give one JSON value a line");
        }
        return values;
    }

    private List<String> lines() {
        try {
            if (file != null) {
                return Files.readAllLines(file, StandardCharsets.UTF_8);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            return reader.lines().toList();
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + Credentials.reason(e));
        }
    }
}

package dev.kconnect.cli.bench;

import dev.kconnect.cli.testplugins.TickSourceConnector;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ceiling for a source in a worker: a task that emits, from memory, the records the Kinetica
 * source makes of the benchmark's table (an int64 key, ten columns, the same offsets), so
 * {@link PipelineBenchmark} sets the Kinetica source beside what the worker and producer allow.
 * Options: {@code topic}, {@code records}; the rest of the connector is the tick source's. Benchmark
 * code, not a plugin.
 */
public class NullSourceConnector extends TickSourceConnector {

    @Override
    public Class<? extends Task> taskClass() {
        return MemoryTask.class;
    }

    @Override
    public String version() {
        return "bench";
    }

    /** Emits {@code records} rows in batches of 10,000, then nothing. */
    public static class MemoryTask extends SourceTask {
        private static final int BATCH = 10_000;
        private Schema schema;
        private String topic;
        private long records;
        private long next;

        @Override
        public void start(Map<String, String> props) {
            topic = props.get("topic");
            records = Long.parseLong(props.get("records"));
            SchemaBuilder b = SchemaBuilder.struct().name(topic).field("id", Schema.INT64_SCHEMA);
            for (int c = 1; c < PipelineBenchmark.COLUMNS; c++) {
                b.field("c" + c, c % 2 == 0 ? Schema.OPTIONAL_FLOAT64_SCHEMA : Schema.OPTIONAL_STRING_SCHEMA);
            }
            schema = b.build();
        }

        @Override
        public List<SourceRecord> poll() throws InterruptedException {
            if (next >= records) {
                Thread.sleep(100);
                return null;
            }
            List<SourceRecord> batch = new ArrayList<>(BATCH);
            for (int n = 0; n < BATCH && next < records; n++, next++) {
                Struct value = new Struct(schema).put("id", next);
                for (int c = 1; c < PipelineBenchmark.COLUMNS; c++) {
                    value.put("c" + c, c % 2 == 0 ? (Object) (next * 0.5) : "v" + (next % 1000));
                }
                batch.add(new SourceRecord(Map.of("table", topic), Map.of("id", next), topic, null,
                        Schema.INT64_SCHEMA, next, schema, value));
            }
            return batch;
        }

        @Override
        public void stop() {
        }

        @Override
        public String version() {
            return "bench";
        }
    }
}

package dev.kconnect.runtime.bench;

import dev.kconnect.cli.testplugins.TickSourceConnector;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ceiling for a source in a worker: a task that emits, from memory, the records the Kinetica
 * source makes of the benchmark's table (a struct key of its primary key column, ten required
 * columns, schemas named as the Kinetica source names them, offsets of the incrementing mode), so
 * {@link PipelineBenchmark} sets the Kinetica source beside what the worker and producer allow for
 * the same records; it checks that both topics' first records are the same bytes. Options:
 * {@code topic}, {@code table}, {@code records}; the rest of the connector is the tick source's.
 * Benchmark code, not a plugin.
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
        private static final VarHandle STRUCT_VALUES;

        static {
            try {
                STRUCT_VALUES = MethodHandles.privateLookupIn(Struct.class, MethodHandles.lookup())
                        .findVarHandle(Struct.class, "values", Object[].class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private Schema keySchema;
        private Schema schema;
        private Map<String, String> partition;
        private String topic;
        private long records;
        private long next;

        @Override
        public void start(Map<String, String> props) {
            topic = props.get("topic");
            records = Long.parseLong(props.get("records"));
            String table = props.get("table");
            partition = Map.of("table", table);
            keySchema = SchemaBuilder.struct().name("kinetica." + table + ".Key").field("id", Schema.INT64_SCHEMA).build();
            SchemaBuilder b = SchemaBuilder.struct().name("kinetica." + table).field("id", Schema.INT64_SCHEMA);
            for (int c = 1; c < PipelineBenchmark.COLUMNS; c++) {
                b.field("c" + c, c % 2 == 0 ? Schema.FLOAT64_SCHEMA : Schema.STRING_SCHEMA);
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
                // filled as the Kinetica source fills its structs: straight into the value array, unchecked
                Struct value = new Struct(schema);
                Object[] values = (Object[]) STRUCT_VALUES.get(value);
                values[0] = next;
                for (int c = 1; c < PipelineBenchmark.COLUMNS; c++) {
                    values[c] = c % 2 == 0 ? (Object) (next * 0.5) : "v" + (next % 1000);
                }
                Struct key = new Struct(keySchema);
                ((Object[]) STRUCT_VALUES.get(key))[0] = next;
                batch.add(new SourceRecord(partition, Map.of("incrementing", next), topic, null,
                        keySchema, key, schema, value));
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

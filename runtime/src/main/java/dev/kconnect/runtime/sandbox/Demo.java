package dev.kconnect.runtime.sandbox;

import com.gpudb.GPUdb;
import com.gpudb.GPUdbBase;
import com.gpudb.GPUdbException;
import com.gpudb.GenericRecord;
import com.gpudb.Type;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code kconnect sandbox --demo}: the example sink and source connectors, fed with sample data
 * every few seconds so that both directions visibly move.
 */
final class Demo implements DemoFeed {
    // not the examples' names: the guide's flows stay free to create those on the same worker
    static final String SINK = "demo-kinetica-sink";
    static final String SOURCE = "demo-kinetica-source";
    static final String ORDERS_TOPIC = "orders";
    static final String SOURCE_TABLE = Sandbox.GUIDE_TABLES.get(0);

    private static final String ORDER_SCHEMA = "{\"type\":\"struct\",\"name\":\"order\",\"fields\":["
            + "{\"field\":\"id\",\"type\":\"int64\"},"
            + "{\"field\":\"product\",\"type\":\"string\"},"
            + "{\"field\":\"quantity\",\"type\":\"int32\"},"
            + "{\"field\":\"price\",\"type\":\"double\"}]}";
    private static final String[] PRODUCTS = {"keyboard", "mouse", "monitor", "cable", "dock"};

    private final Sandbox sandbox;
    private final KafkaProducer<String, String> producer;
    private final Admin admin;
    private final GPUdb gpudb;
    private final Type sourceType;
    private long nextOrder = 1;
    private long nextRow = 1;

    private Demo(Sandbox sandbox, GPUdb gpudb, Type sourceType) {
        this.sandbox = sandbox;
        this.gpudb = gpudb;
        this.sourceType = sourceType;
        Map<String, Object> client = Map.of("bootstrap.servers", sandbox.kafka().bootstrapServers());
        Map<String, Object> producerProps = new LinkedHashMap<>(client);
        producerProps.put("key.serializer", StringSerializer.class.getName());
        producerProps.put("value.serializer", StringSerializer.class.getName());
        this.producer = new KafkaProducer<>(producerProps);
        this.admin = Admin.create(client);
    }

    /** Creates both connectors, configured as in examples/, on the sandbox's worker. */
    static Demo start(Sandbox sandbox, PrintWriter err) throws GPUdbException {
        GPUdb gpudb = new GPUdb(sandbox.kinetica().url(), sandbox.login().options());
        Type type = Type.fromTable(gpudb, SOURCE_TABLE);
        Demo demo = new Demo(sandbox, gpudb, type);

        String url = sandbox.kinetica().url();
        Map<String, String> sink = new LinkedHashMap<>();
        sink.put("name", SINK);
        sink.put("connector.class", "com.kinetica.kafka.KineticaSinkConnector");
        sink.put("tasks.max", "1");
        sink.put("topics", ORDERS_TOPIC);
        sink.put("kinetica.url", url);
        sink.put("kinetica.tables.create_table", "true");
        sink.put("kinetica.tables.single_table_per_topic", "true");
        sink.put("kinetica.tables.primary_keys", "id");
        sandbox.login().configure(sink);
        sandbox.worker().addConnector(SINK, sink, err);

        Map<String, String> source = new LinkedHashMap<>();
        source.put("name", SOURCE);
        source.put("connector.class", "com.kinetica.kafka.KineticaSourceConnector");
        source.put("tasks.max", "3");
        source.put("kinetica.url", url);
        source.put("kinetica.table_names", SOURCE_TABLE);
        sandbox.login().configure(source);
        sandbox.worker().addConnector(SOURCE, source, err);
        return demo;
    }

    @Override
    public List<String> connectors() {
        return List.of(SINK, SOURCE);
    }

    @Override
    public String describe() {
        return "Demo: every few seconds, orders go to topic '" + ORDERS_TOPIC + "' (sink -> table) and rows to table '"
                + SOURCE_TABLE + "' (source -> topic).";
    }

    /** One round: a few orders to the topic, a few rows to the table. */
    @Override
    public void feed(int count) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < count; i++) {
            long id = nextOrder++;
            String value = String.format(Locale.ROOT,
                    "{\"schema\":%s,\"payload\":{\"id\":%d,\"product\":\"%s\",\"quantity\":%d,\"price\":%.2f}}",
                    ORDER_SCHEMA, id, PRODUCTS[random.nextInt(PRODUCTS.length)], 1 + random.nextInt(5),
                    5 + random.nextDouble() * 200);
            producer.send(new ProducerRecord<>(ORDERS_TOPIC, "{\"schema\":{\"type\":\"int64\"},\"payload\":" + id + "}", value));
        }
        producer.flush();
        List<GenericRecord> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            GenericRecord row = new GenericRecord(sourceType);
            row.put("id", nextRow + i);
            row.put("sensor", "sensor-" + random.nextInt(4));
            row.put("reading", Math.round(random.nextDouble() * 1000) / 10.0);
            row.put("taken_at", System.currentTimeMillis());
            rows.add(row);
        }
        gpudb.insertRecords(SOURCE_TABLE, rows, GPUdbBase.options());
        nextRow += count; // only rows the table took: the demo's count stays true through an outage
    }

    /** What has flowed so far, for one line on the console. */
    @Override
    public String progress() throws Exception {
        long ordersRows = sandbox.kinetica().hasTable(ORDERS_TOPIC) ? sandbox.kinetica().rowCount(ORDERS_TOPIC) : 0;
        long sourceRecords = 0;
        var topics = admin.listTopics().names().get();
        if (topics.contains(SOURCE_TABLE)) {
            var partitions = admin.describeTopics(List.of(SOURCE_TABLE)).allTopicNames().get().get(SOURCE_TABLE).partitions();
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            partitions.forEach(p -> latest.put(new TopicPartition(SOURCE_TABLE, p.partition()), OffsetSpec.latest()));
            for (var info : admin.listOffsets(latest).all().get().values()) {
                sourceRecords += info.offset();
            }
        }
        return String.format(Locale.ROOT, "demo: topic %s -> table %s: %d of %d rows | table %s -> topic %s: %d of %d records",
                ORDERS_TOPIC, ORDERS_TOPIC, ordersRows, nextOrder - 1, SOURCE_TABLE, SOURCE_TABLE, sourceRecords, nextRow - 1);
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
    }
}

package dev.kconnect.sandbox.bench;

import com.gpudb.Avro;
import com.gpudb.BulkInserter;
import com.gpudb.ColumnProperty;
import com.gpudb.GPUdb;
import com.gpudb.GenericRecord;
import com.gpudb.Type;
import com.gpudb.protocol.RawInsertRecordsRequest;
import dev.kconnect.sandbox.kinetica.KineticaEmulator;
import org.xerial.snappy.Snappy;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Insert throughput into the emulator, for a 10-column table with a primary key:
 * (1) through the real gpudb-api BulkInserter, batch 10,000; (2) the emulator alone, absorbing
 * pre-encoded, pre-compressed /insert/records bodies of 10,000 rows sent back to back; then
 * (3) reading the table back through the real client in pages of 10,000 ({@code id > last}, sorted).
 * Run: {@code java -cp <test classpath> dev.kconnect.sandbox.bench.KineticaEmulatorBench [records]}
 */
public final class KineticaEmulatorBench {
    static final int BATCH = 10_000;
    static final Type TYPE = new Type("bench",
            new Type.Column("id", Long.class, ColumnProperty.PRIMARY_KEY),
            new Type.Column("account", Integer.class),
            new Type.Column("amount", Double.class),
            new Type.Column("rate", Float.class),
            new Type.Column("ts", Long.class, ColumnProperty.TIMESTAMP),
            new Type.Column("customer", String.class, ColumnProperty.CHAR32),
            new Type.Column("city", String.class, ColumnProperty.CHAR16),
            new Type.Column("status", String.class, ColumnProperty.CHAR8),
            new Type.Column("note", String.class, ColumnProperty.NULLABLE),
            new Type.Column("quantity", Long.class));

    private KineticaEmulatorBench() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        try (KineticaEmulator emu = KineticaEmulator.builder().port(0).start()) {
            GPUdb db = new GPUdb(emu.url(), new GPUdb.Options()
                    .setDisableAutoDiscovery(true).setDisableFailover(true));
            String typeId = TYPE.create(db);

            db.createTable("warmup", typeId, Map.of());
            bulkInsert(db, "warmup", 200_000);
            db.createTable("bulk", typeId, Map.of());
            settle();
            long start = System.nanoTime();
            long cpu = cpuNanos();
            bulkInsert(db, "bulk", records);
            report("BulkInserter (real client, batch " + BATCH + ")", emu.rowCount("bulk"), start, cpu);

            db.createTable("raw_warmup", typeId, Map.of());
            post(emu.url() + "/insert/records", encodedBatches("raw_warmup", 200_000));
            db.createTable("raw", typeId, Map.of());
            List<byte[]> bodies = encodedBatches("raw", records);
            settle();
            start = System.nanoTime();
            cpu = cpuNanos();
            post(emu.url() + "/insert/records", bodies);
            report("emulator absorbing pre-encoded batches of " + BATCH, emu.rowCount("raw"), start, cpu);

            settle();
            start = System.nanoTime();
            cpu = cpuNanos();
            long read = readIncrementally(db, "raw");
            report("getRecords pages of " + BATCH + ", id > last, sort_by id", read, start, cpu);
        }
    }

    /** Collects garbage before a timed phase, so that it does not pay for copying what the setup made. */
    static void settle() {
        System.gc();
    }

    static GenericRecord record(long id) {
        GenericRecord record = new GenericRecord(TYPE);
        record.put(0, id);
        record.put(1, (int) (id % 1000));
        record.put(2, id * 0.25);
        record.put(3, (float) (id % 100) / 7f);
        record.put(4, 1_700_000_000_000L + id);
        record.put(5, "customer-" + (id % 5000));
        record.put(6, "city-" + (id % 50));
        record.put(7, id % 3 == 0 ? "open" : "closed");
        record.put(8, id % 10 == 0 ? null : "note " + id);
        record.put(9, id % 17);
        return record;
    }

    static void bulkInsert(GPUdb db, String table, int records) throws Exception {
        BulkInserter<GenericRecord> inserter = new BulkInserter<>(db, table, TYPE, BATCH, Map.of());
        try {
            for (long id = 0; id < records; id++) {
                inserter.insert(record(id));
            }
            inserter.flush();
        } finally {
            inserter.close();
        }
    }

    /** Reads a table the way an incremental source does: pages of rows after the last id seen. */
    static long readIncrementally(GPUdb db, String table) throws Exception {
        long last = -1;
        long read = 0;
        while (true) {
            List<GenericRecord> page = db.<GenericRecord>getRecords(table, 0, BATCH, Map.of(
                    "expression", "id > " + last, "sort_by", "id")).getData();
            if (page.isEmpty()) {
                return read;
            }
            read += page.size();
            last = (Long) page.get(page.size() - 1).get("id");
        }
    }

    /** Snappy-compressed /insert/records bodies of BATCH rows each, exactly as the client sends them. */
    static List<byte[]> encodedBatches(String table, int records) throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        for (long from = 0; from < records; from += BATCH) {
            List<ByteBuffer> rows = new ArrayList<>(BATCH);
            for (long id = from; id < Math.min(records, from + BATCH); id++) {
                rows.add(Avro.encode(record(id)));
            }
            bodies.add(Snappy.compress(Avro.encode(new RawInsertRecordsRequest(table, rows, Map.of())).array()));
        }
        return bodies;
    }

    static void post(String url, List<byte[]> bodies) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (byte[] body : bodies) {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-type", "application/x-snappy")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("insert failed: HTTP " + response.statusCode());
            }
        }
    }

    /** Wall-clock rate, and CPU spent by the whole process (client and emulator) per record. */
    static void report(String what, long rows, long startNanos, long startCpuNanos) {
        double millis = (System.nanoTime() - startNanos) / 1e6;
        double cpuMicros = (cpuNanos() - startCpuNanos) / 1e3;
        System.out.printf("%-50s %,10d records in %,8.0f ms = %,10.0f records/s; CPU %.2f us/record%n",
                what, rows, millis, rows / (millis / 1000), cpuMicros / rows);
    }

    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}

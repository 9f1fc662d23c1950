package dev.kconnect.cli;

import com.gpudb.ColumnProperty;
import com.gpudb.GPUdb;
import com.gpudb.GPUdbBase;
import com.gpudb.GenericRecord;
import com.gpudb.Type;
import dev.kconnect.cli.live.Cli;
import dev.kconnect.cli.live.LiveWorker;
import dev.kconnect.sandbox.kinetica.KineticaEmulator;
import dev.kconnect.testkit.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The config files of Kinetica's original connector (fixtures in original-connector/, written from
 * its README) run unchanged but for `topics` and the server URL, and give the original's tables.
 * The chain of its quickstart: the data pump's two tables, through the system test's source, the
 * 7.1 sink (TEST.outKafkaConnectorTest, TEST.outKafkaConnectorTest2: one table per source table),
 * the 7.1 source reading that table back, and the 7.0 sink writing what it read.
 */
@ExtendWith(LiveWorker.class)
class OriginalConnectorFilesTest {
    static final int PUMPED = 30;
    static final int PUMPED2 = 20;

    static KineticaEmulator kinetica;
    static GPUdb gpudb;

    @BeforeAll
    static void start() throws Exception {
        kinetica = KineticaEmulator.start(0);
        gpudb = kinetica.client();
        pump("KafkaConnectorTest", PUMPED);
        pump("KafkaConnectorTest2", PUMPED2);
    }

    @AfterAll
    static void stop() {
        kinetica.close();
    }

    @Test
    void quickstartFilesGiveTheOriginalsTables() throws Exception {
        create("system-test-source-7.1.properties", null);
        create("quickstart-kinetica-sink-7.1.properties", "Tweets.KafkaConnectorTest,Tweets.KafkaConnectorTest2");
        awaitRows("TEST.outKafkaConnectorTest", PUMPED);
        awaitRows("TEST.outKafkaConnectorTest2", PUMPED2);

        create("quickstart-kinetica-source-7.1.properties", null);
        assertEquals(0, Cli.run("delete", "KineticaQuickStartSinkConnector").code());
        // the 7.0 sink, under the same connector name, writes what the 7.1 source read back
        create("quickstart-kinetica-sink-7.0.properties", "Tweets.TEST.outKafkaConnectorTest");
        awaitRows("TEST.outoutKafkaConnectorTest", PUMPED);

        assertEquals(List.of("TEST.outKafkaConnectorTest", "TEST.outKafkaConnectorTest2", "TEST.outoutKafkaConnectorTest",
                        "ki_home.KafkaConnectorTest", "ki_home.KafkaConnectorTest2"),
                kinetica.tableNames().stream().sorted().toList(), "no other table");
        assertTrue(kinetica.rows("TEST.outKafkaConnectorTest2").stream()
                .allMatch(row -> row.get("message").toString().startsWith("KafkaConnectorTest2 #")), "no table shared");
        assertEquals(PUMPED, kinetica.rows("TEST.outoutKafkaConnectorTest").stream().map(row -> row.get("id"))
                .distinct().count(), "each row once");
        for (String name : List.of("TwitterSourceConnector", "KineticaQuickStartSourceConnector",
                "KineticaQuickStartSinkConnector")) {
            assertEquals(0, Cli.run("delete", name).code());
        }
    }

    /** The data pump's tables: an id and a message per row. */
    static void pump(String table, int rows) throws Exception {
        Type type = new Type(new Type.Column("id", Integer.class, ColumnProperty.PRIMARY_KEY),
                new Type.Column("message", String.class));
        gpudb.createTable(table, type.create(gpudb), GPUdbBase.options());
        List<GenericRecord> records = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            GenericRecord r = new GenericRecord(type);
            r.put("id", i);
            r.put("message", table + " #" + i);
            records.add(r);
        }
        gpudb.insertRecords(table, records, GPUdbBase.options());
    }

    /** Creates the connector of a fixture with only the URL changed and {@code topics} added when given. */
    static void create(String fixture, String topics) throws IOException {
        String text;
        try (InputStream in = OriginalConnectorFilesTest.class.getResourceAsStream("/original-connector/" + fixture)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        text = text.replace("http://127.0.0.1:9191", kinetica.url()).replace("http://localhost:9191", kinetica.url());
        if (topics != null) {
            text += "\ntopics = " + topics + "\n";
        }
        Path file = Files.createTempDirectory("original").resolve(fixture);
        Files.writeString(file, text);
        Cli.Result r = Cli.run("create", "--file", file.toString());
        assertEquals(0, r.code(), r.toString());
    }

    static void awaitRows(String table, long wanted) {
        Await.poll(Duration.ofSeconds(60), () -> rows(table), rows -> rows >= wanted);
        assertEquals(wanted, rows(table), table + "; tables: " + kinetica.tableNames() + "; "
                + Cli.run("list") + Cli.run("status", "KineticaQuickStartSinkConnector"));
    }

    static long rows(String table) {
        return kinetica.hasTable(table) ? kinetica.rowCount(table) : 0;
    }
}

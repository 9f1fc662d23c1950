package dev.kconnect.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.live.Cli;
import dev.kconnect.cli.live.Cli.Result;
import dev.kconnect.cli.live.LiveWorker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code topic write} and {@code topic read} against the live worker's broker. */
@ExtendWith(LiveWorker.class)
class TopicTest {

    @TempDir
    Path dir;

    private static Result topic(String stdin, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            String[] all = new String[args.length + 3];
            all[0] = "topic";
            System.arraycopy(args, 0, all, 1, args.length);
            all[args.length + 1] = "--bootstrap-server";
            all[args.length + 2] = LiveWorker.bootstrapServers();
            return Cli.runRaw(all);
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void writtenWithASchemaReadBackAsJsonLines() throws Exception {
        Result w = topic("""
                {"id": 1, "product": "tea", "price": 3.5, "gift": false, "note": null}

                {"id": 2, "product": "cake", "price": 4, "gift": true, "note": "birthday"}
                """, "write", "topic-orders", "--schema");
        assertEquals(0, w.code(), w::toString);
        assertEquals("wrote 2 records to topic topic-orders\n", w.out());

        Result r = topic("", "read", "topic-orders", "--from-beginning", "--max", "2", "-o", "json");
        assertEquals(0, r.code(), r::toString);
        List<JsonNode> lines = r.out().lines().map(TopicTest::json).toList();
        assertEquals(2, lines.size(), r::toString);
        String schema = """
                {"type":"struct","fields":[{"field":"id","type":"int64","optional":false},\
                {"field":"product","type":"string","optional":false},{"field":"price","type":"double","optional":false},\
                {"field":"gift","type":"boolean","optional":false},{"field":"note","type":"string","optional":true}],\
                "optional":false}""";
        assertEquals(json("{\"schema\":" + schema + ",\"payload\":{\"id\":1,\"product\":\"tea\",\"price\":3.5,"
                + "\"gift\":false,\"note\":null}}"), lines.get(0).path("value"));
        assertEquals(json("{\"schema\":" + schema + ",\"payload\":{\"id\":2,\"product\":\"cake\",\"price\":4,"
                + "\"gift\":true,\"note\":\"birthday\"}}"), lines.get(1).path("value"));
        for (int i = 0; i < 2; i++) {
            assertEquals(0, lines.get(i).path("partition").asInt(-1));
            assertEquals(i, lines.get(i).path("offset").asLong(-1));
            assertTrue(lines.get(i).path("key").isNull());
            assertTrue(lines.get(i).path("timestamp").asLong() > 0);
        }
    }

    @Test
    void aFileOfPlainJsonReadAsTextWithKeys() throws Exception {
        Path file = dir.resolve("lines.jsonl");
        Files.writeString(file, "{\"a\": 1}\n\"two\"\n3\n");
        Result w = topic("", "write", "topic-plain", "--file", file.toString());
        assertEquals(0, w.code(), w::toString);
        assertEquals("wrote 3 records to topic topic-plain\n", w.out());
        Result r = topic("", "read", "topic-plain", "--from-beginning", "--max", "3", "--key");
        assertEquals("null\t{\"a\":1}\nnull\t\"two\"\nnull\t3\n", r.out(), r::toString);
        Result idle = topic("", "read", "topic-plain", "--from-beginning", "--idle", "3");
        assertEquals(0, idle.code(), idle::toString);
        assertEquals("{\"a\":1}\n\"two\"\n3\n", idle.out(), idle::toString);
    }

    @Test
    void aLineThatIsNotJsonStopsTheWriteBeforeAnythingIsSent() {
        Result w = topic("{\"a\": 1}\n{oops\n", "write", "topic-bad");
        assertEquals(ExitCode.USAGE, w.code(), w::toString);
        assertTrue(w.err().startsWith("kconnect: line 2 of standard input is not JSON ("), w::toString);
        assertTrue(w.err().endsWith("); give one JSON value a line\n"), w::toString);
        Result r = topic("", "read", "topic-bad", "--from-beginning", "--idle", "1");
        assertEquals(ExitCode.NOT_FOUND, r.code(), r::toString);
        assertEquals("kconnect: no topic 'topic-bad' at " + LiveWorker.bootstrapServers() + "; check the name and "
                + "--bootstrap-server, or write to it first: kconnect topic write topic-bad\n", r.err());
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(text, e);
        }
    }
}

package dev.kconnect.runtime.sandbox;

import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.live.Cli;
import dev.kconnect.cli.live.Cli.Result;
import dev.kconnect.sandbox.Ports;
import dev.kconnect.testkit.Await;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kconnect sandbox} comes up with all three servers and stops cleanly. */
class SandboxRunTest {
    static final Path PLUGINS = Path.of("target/plugins");

    @TempDir
    Path logs;

    /** The guide's POST body, as printed there; its Kinetica URL names the sandbox's default port. */
    static final String GUIDE_POST = "{\"name\":\"kinetica-source-connector\", \"config\": {\"name\":\"kinetica-source-connector\","
            + "\"connector.class\":\"com.kinetica.kafka.KineticaSourceConnector\",\"tasks.max\":\"3\","
            + "\"kinetica.url\":\"http://localhost:9191\",\"kinetica.table_names\":\"KafkaConnectorTest\"}}";
    /** The guide's PUT body: more tasks and a second table. */
    static final String GUIDE_PUT = "{\"name\":\"kinetica-source-connector\","
            + "\"connector.class\":\"com.kinetica.kafka.KineticaSourceConnector\",\"tasks.max\":\"10\","
            + "\"kinetica.url\":\"http://localhost:9191\",\"kinetica.table_names\":\"KafkaConnectorTest,KafkaConnectorTest2\"}";

    @Test
    void comesUpRunsTheGuidesRestCallsAndStops() throws Exception {
        // the seed's ports when they are free here, others otherwise
        int rest = Ports.isFree(8083) ? 8083 : Ports.free();
        int kinetica = Ports.isFree(9191) ? 9191 : Ports.free();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        SandboxRun run = new SandboxRun(Ports.free(), kinetica, Ports.free(), rest, null, null,
                logs, Login.NONE, PLUGINS, new PrintWriter(out, true), new PrintWriter(err, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(run::call);
        // the listener opens before the REST resources are registered
        String body = Await.poll(Duration.ofSeconds(60), () -> exit.isDone() ? "" : connectors(rest), b -> b != null);
        assertEquals("[]", body, "GET /connectors; out=" + out + " err=" + err);
        Await.until("the sandbox to be published", Duration.ofSeconds(60), () -> run.sandbox() != null);
        String plugins = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rest + "/connector-plugins")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(plugins.contains("com.kinetica.kafka.KineticaSinkConnector"), plugins);
        assertTrue(out.toString().contains("Connect REST API    http://127.0.0.1:" + rest), out.toString());
        // its own file, each line saying which process wrote it
        List<String> logLines = Files.readAllLines(logs.resolve("sandbox.log"));
        assertFalse(logLines.isEmpty(), "sandbox.log has lines");
        assertTrue(logLines.stream().filter(l -> l.startsWith("[")).allMatch(l -> l.matches("\\[[^]]+] sandbox "
                + ProcessHandle.current().pid() + " .*")), () -> String.join("\n", logLines));
        assertTrue(out.toString().contains(run.sandbox().kinetica().url()), out.toString());
        for (String table : Sandbox.GUIDE_TABLES) {
            assertTrue(run.sandbox().kinetica().hasTable(table), table + ": the guide's source JSON runs as it is");
        }

        followTheGuide("http://127.0.0.1:" + rest, "http://localhost:" + kinetica);

        run.stop();
        assertEquals(ExitCode.OK, exit.get(60, TimeUnit.SECONDS));
        assertTrue(Ports.isFree(rest), "the REST port is released");
    }

    /** The guide's create, get, tasks, config, put and delete, with its own JSON bodies, through kconnect. */
    private void followTheGuide(String worker, String kinetica) throws Exception {
        String name = "kinetica-source-connector";
        Path post = Files.writeString(logs.resolve("guide-post.json"), GUIDE_POST.replace("http://localhost:9191", kinetica));
        Path put = Files.writeString(logs.resolve("guide-put.json"), GUIDE_PUT.replace("http://localhost:9191", kinetica));

        Result created = Cli.runAgainst(worker, "create", "--file", post.toString(), "--wait", "--settle", "1");
        assertEquals(ExitCode.OK, created.code(), created::toString);
        for (String command : List.of("get", "tasks", "config")) {
            Result read = Cli.runAgainst(worker, command, name);
            assertEquals(ExitCode.OK, read.code(), read::toString);
        }
        Result updated = Cli.runAgainst(worker, "put", name, "--file", put.toString());
        assertEquals(ExitCode.OK, updated.code(), updated::toString);
        // one task per table once the new configuration runs; a task that FAILED (a missing table) exits 5
        Result status = Await.poll(Duration.ofSeconds(60), () -> Cli.runAgainst(worker, "status", name, "-o", "json"),
                r -> r.code() != ExitCode.OK || runningTasks(r.out()) >= 2);
        assertEquals(ExitCode.OK, status.code(), status::toString);
        assertEquals(2, runningTasks(status.out()), status::toString);

        Result deleted = Cli.runAgainst(worker, "delete", name, "--yes");
        assertEquals(ExitCode.OK, deleted.code(), deleted::toString);
    }

    /** The body of GET /connectors once the worker answers 200, null before. */
    private static String connectors(int rest) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rest + "/connectors")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Set<Path> sandboxDirs() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(p -> p.getFileName().toString().startsWith("kconnect-sandbox-")).collect(Collectors.toSet());
        }
    }

    private static long runningTasks(String statusJson) {
        JsonNode tasks;
        try {
            tasks = new ObjectMapper().readTree(statusJson).path("tasks");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return StreamSupport.stream(tasks.spliterator(), false).filter(t -> t.path("state").asText().equals("RUNNING")).count();
    }

    @Test
    void aTakenPortIsAClearError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Set<Path> before = sandboxDirs();
            Result r = Cli.runRaw("sandbox", "--kafka-port", String.valueOf(Ports.free()), "--kinetica-port",
                    String.valueOf(taken.getLocalPort()), "--rest-port", String.valueOf(Ports.free()),
                    "--log-dir", logs.toString());
            assertEquals(ExitCode.USAGE, r.code(), r::toString);
            assertEquals(before, sandboxDirs(), "a failed start leaves no Kafka directory in the temp directory");
            assertEquals("kconnect sandbox: Kinetica emulator (--kinetica-port): port " + taken.getLocalPort()
                    + " on 127.0.0.1 is already in use; stop what holds it or choose another port\n", r.err());
        }
    }
}

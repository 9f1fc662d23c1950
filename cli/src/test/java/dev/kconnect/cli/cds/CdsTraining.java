package dev.kconnect.cli.cds;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kconnect.cli.KConnect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The build runs this once under {@code -XX:DumpLoadedClassList} (see cli/pom.xml): it drives the
 * REST commands through their whole path (parsing, HTTP, JSON binding, tables, errors) so the
 * AppCDS archive holds every class a short command loads, and {@code kconnect list} starts fast.
 * The answers come from a loopback server with bodies shaped like Connect's; a sink's lag, from a
 * real broker in a process of its own ({@link TrainingBroker}). A build tool, so it lives in the
 * test sources, out of the jar users run.
 */
public final class CdsTraining {

    private static final String INFO = "{\"name\":\"c\",\"config\":{\"name\":\"c\",\"connector.class\":\"x.Source\","
            + "\"tasks.max\":\"2\",\"kinetica.password\":\"p\"},\"tasks\":[{\"connector\":\"c\",\"task\":0}],\"type\":\"source\"}";
    private static final String STATUS = "{\"name\":\"c\",\"connector\":{\"state\":\"RUNNING\",\"worker_id\":\"127.0.0.1:8083\"},"
            + "\"tasks\":[{\"id\":0,\"state\":\"FAILED\",\"worker_id\":\"127.0.0.1:8083\",\"trace\":\"x.Error: boom\\n\\tat x\"}],"
            + "\"type\":\"source\"}";
    /** A sink reading {@link TrainingBroker#TOPIC}, whose lag list and status read from the training broker. */
    static final String SINK = "s";
    private static final String SINK_CONFIG = "{\"name\":\"s\",\"connector.class\":\"x.Sink\",\"topics\":\""
            + TrainingBroker.TOPIC + "\"}";
    private static final String SINK_STATUS = "{\"name\":\"s\",\"connector\":{\"state\":\"RUNNING\","
            + "\"worker_id\":\"127.0.0.1:8083\"},\"tasks\":[{\"id\":0,\"state\":\"RUNNING\","
            + "\"worker_id\":\"127.0.0.1:8083\"}],\"type\":\"sink\"}";
    private static final String SINK_INFO = "{\"name\":\"s\",\"config\":" + SINK_CONFIG
            + ",\"tasks\":[{\"connector\":\"s\",\"task\":0}],\"type\":\"sink\"}";

    private static final Duration BROKER_START = Duration.ofSeconds(120);

    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", CdsTraining::answer);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        Path json = Files.createTempFile("kconnect-cds", ".json");
        Path properties = Files.createTempFile("kconnect-cds", ".properties");
        try {
            Files.writeString(json, "{\"name\":\"c\",\"config\":{\"connector.class\":\"x.Source\"}}");
            Files.writeString(properties, "name=c\nconnector.class=x.Source\n");
            List<List<String>> runs = List.of(
                    List.of("--help"), List.of("list", "--help"),
                    List.of("list"), List.of("list", "-o", "json"), List.of("list", "-o", "name"),
                    List.of("status", "c"), List.of("get", "c"), List.of("config", "c"), List.of("tasks", "c"),
                    List.of("info"), List.of("get", "missing"),
                    List.of("create", "--file", json.toString()), List.of("put", "c", "--file", properties.toString()),
                    List.of("pause", "c"), List.of("restart", "c/0"), List.of("delete", "c", "--yes"));
            for (List<String> run : runs) {
                execute(run, url);
            }
            execute(List.of("list"), "http://127.0.0.1:" + closedPort());
            trainLag(url);
        } finally {
            server.stop(0);
            Files.deleteIfExists(json);
            Files.deleteIfExists(properties);
        }
    }

    /**
     * {@code list} and {@code status} with a bootstrap server, whose Admin client loads some 1,200
     * classes of kafka-clients once it talks to a broker. Without a broker in time the build goes on,
     * and only those commands start slower.
     */
    private static void trainLag(String url) throws IOException, InterruptedException {
        Process broker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), TrainingBroker.class.getName())
                .redirectErrorStream(true).start();
        try {
            String bootstrap = bootstrapOf(broker);
            if (bootstrap == null) {
                System.err.println("warning: no training broker within " + BROKER_START.toSeconds() + " s; the class-data "
                        + "archive leaves out the Kafka Admin client (list/status --bootstrap-server start slower)");
                return;
            }
            execute(List.of("list", "--bootstrap-server", bootstrap), url);
            execute(List.of("status", SINK, "--bootstrap-server", bootstrap, "--rate-over", "1"), url);
        } finally {
            broker.getOutputStream().close(); // the broker stops when its input ends
            if (!broker.waitFor(60, TimeUnit.SECONDS)) {
                broker.destroyForcibly();
            }
        }
    }

    /** The address the broker prints when ready, or null when it does not within {@link #BROKER_START}. */
    private static String bootstrapOf(Process broker) throws InterruptedException {
        CompletableFuture<String> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = broker.inputReader()) {
                // read to the end, so that the broker never blocks on a full pipe
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith(TrainingBroker.READY)) {
                        ready.complete(line.substring(TrainingBroker.READY.length()));
                    }
                }
            } catch (IOException e) {
                // the broker is gone: no address
            }
            ready.complete(null);
        }, "training-broker-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return ready.get(BROKER_START.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    private static void execute(List<String> args, String url) {
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        List<String> all = new ArrayList<>(args);
        if (!args.get(0).equals("--help")) {
            all.addAll(List.of("--url", url));
        }
        KConnect.commandLine().setOut(sink).setErr(sink).execute(all.toArray(String[]::new));
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery();
        String method = exchange.getRequestMethod();
        int status = 200;
        String body;
        if (path.equals("/")) {
            body = "{\"version\":\"4.3.1\",\"commit\":\"0\",\"kafka_cluster_id\":\"k\"}";
        } else if (path.equals("/connectors") && query != null) {
            body = "{\"c\":{\"info\":" + INFO + ",\"status\":" + STATUS + "},"
                    + "\"" + SINK + "\":{\"info\":" + SINK_INFO + ",\"status\":" + SINK_STATUS + "}}";
        } else if (path.equals("/connectors/" + SINK + "/status")) {
            body = SINK_STATUS;
        } else if (path.equals("/connectors/" + SINK + "/config")) {
            body = SINK_CONFIG;
        } else if (path.equals("/connectors") && method.equals("POST")) {
            status = 201;
            body = INFO;
        } else if (path.equals("/connectors")) {
            body = "[\"c\"]";
        } else if (path.startsWith("/connectors/missing")) {
            status = 404;
            body = "{\"error_code\":404,\"message\":\"Connector missing not found\"}";
        } else if (path.endsWith("/status")) {
            body = STATUS;
        } else if (path.endsWith("/tasks")) {
            body = "[{\"id\":{\"connector\":\"c\",\"task\":0},\"config\":{\"task.class\":\"x.Task\"}}]";
        } else if (path.endsWith("/config") && method.equals("GET")) {
            body = "{\"name\":\"c\",\"connector.class\":\"x.Source\"}";
        } else if (method.equals("GET") || path.endsWith("/config")) {
            body = INFO;
        } else {
            status = method.equals("DELETE") || path.endsWith("/restart") ? 204 : 202;
            body = "";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

package dev.kconnect.cli.cds;

import dev.kconnect.cli.KConnect;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A training run for class-data sharing: it drives the REST commands through their whole path
 * (parsing, HTTP, JSON binding, tables, errors) so that what the JVM records holds the classes a
 * short command loads, and {@code kconnect list} starts fast. The build runs it under
 * {@code -XX:DumpLoadedClassList} for its static archive (see cli/pom.xml). The launcher runs it
 * with {@code --aot} under {@code -XX:AOTMode=record} for Java 25's AOT cache, whose classes are all
 * loaded when a JVM starts: that run leaves out what only some commands load. The answers come from
 * a {@link TrainingServer}; a sink's lag, from a real broker ({@link TrainingBroker}); each in a JVM
 * of its own, so that only the client's side is recorded.
 */
public final class CdsTraining {

    private static final Duration SERVER_START = Duration.ofSeconds(30);
    private static final Duration BROKER_START = Duration.ofSeconds(120);

    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        boolean aot = Arrays.asList(args).contains("--aot");
        try (TrainingProcess server = new TrainingProcess(TrainingServer.class, TrainingServer.READY)) {
            String url = server.address(SERVER_START);
            if (url == null) {
                throw new IllegalStateException("the training server did not start within " + SERVER_START.toSeconds() + " s");
            }
            trainRest(url, aot);
            if (!aot) {
                trainLag(url);
            }
        }
    }

    private static void trainRest(String url, boolean aot) throws IOException {
        Path json = Files.createTempFile("kconnect-cds", ".json");
        Path properties = Files.createTempFile("kconnect-cds", ".properties");
        try {
            Files.writeString(json, "{\"name\":\"c\",\"config\":{\"connector.class\":\"x.Source\"}}");
            Files.writeString(properties, "name=c\nconnector.class=x.Source\n");
            List<List<String>> runs = new ArrayList<>(List.of(
                    List.of("list"), List.of("list", "-o", "json"), List.of("list", "-o", "name"),
                    List.of("status", "c"), List.of("get", "c"), List.of("config", "c"), List.of("tasks", "c"),
                    List.of("get", "missing")));
            if (!aot) {
                runs.addAll(List.of(List.of("--help"), List.of("list", "--help"), List.of("info"),
                        List.of("create", "--file", json.toString()), List.of("put", "c", "--file", properties.toString()),
                        List.of("pause", "c"), List.of("restart", "c/0"), List.of("delete", "c", "--yes")));
            }
            for (List<String> run : runs) {
                execute(run, url);
            }
            execute(List.of("list"), "http://127.0.0.1:" + closedPort());
        } finally {
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
        try (TrainingProcess broker = new TrainingProcess(TrainingBroker.class, TrainingBroker.READY)) {
            String bootstrap = broker.address(BROKER_START);
            if (bootstrap == null) {
                System.err.println("warning: no training broker within " + BROKER_START.toSeconds() + " s; the class-data "
                        + "archive leaves out the Kafka Admin client (list/status --bootstrap-server start slower)");
                return;
            }
            execute(List.of("list", "--bootstrap-server", bootstrap), url);
            execute(List.of("status", TrainingServer.SINK, "--bootstrap-server", bootstrap, "--rate-over", "1"), url);
        }
    }

    /** One command as {@code kconnect} runs it: with only its own subcommand in picocli's model. */
    private static void execute(List<String> args, String url) {
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        List<String> all = new ArrayList<>(args);
        if (!args.get(0).equals("--help")) {
            all.addAll(List.of("--url", url));
        }
        String[] argv = all.toArray(String[]::new);
        KConnect.commandLine(KConnect.subcommandOf(argv)).setOut(sink).setErr(sink).execute(argv);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

package dev.kconnect.cli.completion;

import dev.kconnect.cli.worker.WorkerProcess;
import dev.kconnect.cli.worker.WorkerSettings;
import dev.kconnect.sandbox.Ports;
import dev.kconnect.sandbox.kafka.EmbeddedKafka;
import dev.kconnect.sandbox.kinetica.KineticaEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Connector names come from the live worker, through the built launcher on the PATH (an IT:
 * it needs the packaged jar).
 */
class LiveCompletionIT {
    static EmbeddedKafka kafka;
    static KineticaEmulator kinetica;
    static WorkerProcess worker;
    static Map<String, String> env;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.startTemporary();
        kinetica = KineticaEmulator.start(0);
        Map<String, String> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("listeners", "http://127.0.0.1:" + Ports.free());
        WorkerSettings settings = WorkerSettings.build(true, props, Map.of(), Path.of("target/plugins").toAbsolutePath(),
                Files.createTempFile("offsets", ".dat"));
        worker = WorkerProcess.start(true, settings.props(), new PrintWriter(new StringWriter()));
        for (String name : List.of("orders-sink", "orders-archive")) {
            worker.addConnector(name, Map.of("name", name, "connector.class", "com.kinetica.kafka.KineticaSinkConnector",
                    "topics", "orders", "kinetica.url", kinetica.url()), new PrintWriter(new StringWriter()));
        }
        // the worker's first plugin listing is slow on a busy machine; completion gives it 1.5 s
        java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(worker.restUrl() + "/connector-plugins")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        Path bin = Files.createTempDirectory("kconnect-bin");
        Files.createSymbolicLink(bin.resolve("kconnect"), Path.of("../kconnect").toAbsolutePath().normalize());
        env = Map.of("PATH", bin + ":" + System.getenv("PATH"));
    }

    @AfterAll
    static void stop() {
        worker.stop();
        kinetica.close();
        kafka.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh"})
    void connectorNamesComeFromTheWorkerNamedByUrl(String shell) throws Exception {
        assertEquals(List.of("orders-archive", "orders-sink"),
                ShellCompletionTest.complete(shell, env, "kconnect", "status", "--url", worker.restUrl(), ""));
        assertEquals(List.of("orders-sink"),
                ShellCompletionTest.complete(shell, env, "kconnect", "delete", "--url", worker.restUrl(), "orders-s"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh"})
    void pluginClassesComeFromTheWorker(String shell) throws Exception {
        assertEquals(List.of("com.kinetica.kafka.KineticaSinkConnector", "com.kinetica.kafka.KineticaSourceConnector"),
                ShellCompletionTest.complete(shell, env, "kconnect", "plugins", "--url", worker.restUrl(), "com.kinetica."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh"})
    void noWorkerMeansNoCandidatesAndNoNoise(String shell) throws Exception {
        assertEquals(List.of(), ShellCompletionTest.complete(shell, env, "kconnect", "status", "--url",
                "http://127.0.0.1:" + Ports.free(), ""));
    }
}

package dev.kconnect.runtime.launch;

import com.gpudb.GPUdb;
import com.gpudb.GPUdbBase;
import com.gpudb.Type;
import dev.kconnect.cli.completion.ShellCompletionTest;
import dev.kconnect.cli.live.Cli;
import dev.kconnect.runtime.worker.WorkerProcess;
import dev.kconnect.runtime.worker.WorkerSettings;
import dev.kconnect.sandbox.Ports;
import dev.kconnect.sandbox.kafka.EmbeddedKafka;
import dev.kconnect.sandbox.kinetica.KineticaEmulator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Connector names come from the live worker, topic names from the broker, table names from the
 * emulator, through the built launcher on the PATH (an IT: it needs the packaged jar).
 */
class LiveCompletionIT {
    static EmbeddedKafka kafka;
    static KineticaEmulator kinetica;
    static KineticaEmulator locked;
    static WorkerProcess worker;
    static Map<String, String> env;
    static Path passwordFile;

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
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("payments", 1, (short) 1), new NewTopic("payment-refunds", 1, (short) 1)))
                    .all().get(60, TimeUnit.SECONDS);
        }
        createTables(kinetica, new GPUdbBase.Options(), "orders", "order_lines");
        locked = KineticaEmulator.builder().port(0).credentials("admin", "s3cret").start();
        createTables(locked, new GPUdbBase.Options().setUsername("admin").setPassword("s3cret"), "vault");
        passwordFile = Files.writeString(Files.createTempFile("kinetica", ".password"), "s3cret\n");
        Path bin = Files.createTempDirectory("kconnect-bin");
        Files.createSymbolicLink(bin.resolve("kconnect"), Path.of("../kconnect").toAbsolutePath().normalize());
        // nothing from this machine's environment or contexts file names a broker or a Kinetica
        env = Map.of("PATH", bin + ":" + System.getenv("PATH"), "KCONNECT_BOOTSTRAP_SERVERS", "",
                "KCONNECT_KINETICA_URL", "", "KCONNECT_KINETICA_USER", "",
                "KCONNECT_CONFIG", bin.resolve("no-config.json").toString());
    }

    private static void createTables(KineticaEmulator emulator, GPUdbBase.Options options, String... names)
            throws Exception {
        GPUdb gpudb = new GPUdb(emulator.url(), options.setDisableAutoDiscovery(true).setDisableFailover(true));
        String typeId = new Type(new Type.Column("id", Long.class)).create(gpudb);
        for (String name : names) {
            gpudb.createTable(name, typeId, GPUdbBase.options());
        }
    }

    @AfterAll
    static void stop() {
        worker.stop();
        kinetica.close();
        locked.close();
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

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh"})
    void topicNamesComeFromTheBrokersTheCommandLineOrEnvironmentNames(String shell) throws Exception {
        assertEquals(List.of("payment-refunds", "payments"), ShellCompletionTest.complete(shell, env,
                "kconnect", "topic", "read", "--bootstrap-server", kafka.bootstrapServers(), "pay"));
        Map<String, String> named = new HashMap<>(env);
        named.put("KCONNECT_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        assertEquals(List.of("payment-refunds"), ShellCompletionTest.complete(shell, named,
                "kconnect", "topic", "write", "payment-"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh"})
    void topicNamesComeFromTheCurrentContextsBrokers(String shell) throws Exception {
        Path config = Files.createTempDirectory("kc-contexts").resolve("config.json");
        System.setProperty("kconnect.config", config.toString());
        try {
            assertEquals(0, Cli.runRaw("context", "add", "local", "--url", worker.restUrl(),
                    "--bootstrap-server", kafka.bootstrapServers()).code());
        } finally {
            System.clearProperty("kconnect.config");
        }
        Map<String, String> withContext = new HashMap<>(env);
        withContext.put("KCONNECT_CONFIG", config.toString());
        assertEquals(List.of("payments"), ShellCompletionTest.complete(shell, withContext, "kconnect", "topic", "read", "payments"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh"})
    void noBrokerNamedOrNoneAnsweringMeansNoTopics(String shell) throws Exception {
        assertEquals(List.of(), ShellCompletionTest.complete(shell, env, "kconnect", "topic", "read", ""));
        assertEquals(List.of(), ShellCompletionTest.complete(shell, env, "kconnect", "topic", "read",
                "--bootstrap-server", "127.0.0.1:" + Ports.free(), ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh"})
    void tableNamesComeFromTheKineticaTheCommandLineNames(String shell) throws Exception {
        assertEquals(List.of("ki_home.order_lines", "ki_home.orders"), ShellCompletionTest.complete(shell, env,
                "kconnect", "kinetica", "rows", "--kinetica-url", kinetica.url(), "ki_home.ord"));
        assertEquals(List.of(), ShellCompletionTest.complete(shell, env, "kconnect", "kinetica", "rows", ""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh"})
    void aKineticaThatWantsAPasswordGetsItAsTheCommandDoesButNeverByAPrompt(String shell) throws Exception {
        assertEquals(List.of("ki_home.vault"), ShellCompletionTest.complete(shell, env, "kconnect", "kinetica", "rows",
                "--kinetica-url", locked.url(), "--kinetica-user", "admin", "--kinetica-password-file",
                passwordFile.toString(), ""));
        Map<String, String> withPassword = new HashMap<>(env);
        withPassword.put("KCONNECT_KINETICA_PASSWORD", "s3cret");
        assertEquals(List.of("ki_home.vault"), ShellCompletionTest.complete(shell, withPassword, "kconnect", "kinetica",
                "rows", "--kinetica-url", locked.url(), "--kinetica-user", "admin", ""));
        // no password anywhere: the command would ask at a terminal, completion never does
        assertEquals(List.of(), ShellCompletionTest.complete(shell, env, "kconnect", "kinetica", "rows",
                "--kinetica-url", locked.url(), "--kinetica-user", "admin", ""));
        assertEquals(List.of(), ShellCompletionTest.complete(shell, env, "kconnect", "kinetica", "rows",
                "--kinetica-url", locked.url(), ""));
    }
}

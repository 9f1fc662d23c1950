package dev.kconnect.runtime.sandbox;

import com.gpudb.ColumnProperty;
import com.gpudb.GPUdb;
import com.gpudb.GPUdbBase;
import com.gpudb.GPUdbException;
import com.gpudb.Type;
import dev.kconnect.runtime.worker.WorkerProcess;
import dev.kconnect.runtime.worker.WorkerSettings;
import dev.kconnect.sandbox.Ports;
import dev.kconnect.sandbox.kafka.EmbeddedKafka;
import dev.kconnect.sandbox.kinetica.KineticaEmulator;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a first try needs on one machine, on 127.0.0.1: a Kafka broker, the Kinetica
 * emulator and a distributed Connect worker with the Kinetica plugin. Stops in reverse order.
 */
public final class Sandbox implements AutoCloseable {
    /**
     * The tables the guide's source connector reads (its POST, then its PUT adds the second), made
     * at start so that every example runs as it is.
     */
    public static final List<String> GUIDE_TABLES = List.of("KafkaConnectorTest", "KafkaConnectorTest2");

    private final EmbeddedKafka kafka;
    private final KineticaEmulator kinetica;
    private final WorkerProcess worker;
    private final Login login;

    private Sandbox(EmbeddedKafka kafka, KineticaEmulator kinetica, WorkerProcess worker, Login login) {
        this.kafka = kafka;
        this.kinetica = kinetica;
        this.worker = worker;
        this.login = login;
    }

    /**
     * @throws dev.kconnect.sandbox.PortInUseException before anything starts, when a port is taken
     */
    public static Sandbox start(int kafkaPort, int kineticaPort, int controlPort, int restPort, Path kafkaDir,
                                boolean deleteKafkaDir, Login login, Path bundledPlugins, PrintWriter out) {
        Ports.requireFree(kafkaPort, "Kafka broker (--kafka-port)");
        Ports.requireFree(kineticaPort, "Kinetica emulator (--kinetica-port)");
        Ports.requireFree(controlPort, "Kinetica emulator's fault controls (--control-port)");
        Ports.requireFree(restPort, "Connect REST API (--rest-port)");

        EmbeddedKafka kafka = EmbeddedKafka.start(kafkaPort, kafkaDir, deleteKafkaDir, Map.of());
        KineticaEmulator kinetica = null;
        try {
            KineticaEmulator.Builder emulator = KineticaEmulator.builder().port(kineticaPort).controlPort(controlPort);
            kinetica = (login.required() ? emulator.credentials(login.user(), login.password()) : emulator).start();
            createGuideTables(kinetica, login);
            WorkerSettings settings = WorkerSettings.build(false, workerProps(kafka, restPort), Map.of(), bundledPlugins, null);
            WorkerProcess worker = WorkerProcess.start(false, settings.props(), out);
            return new Sandbox(kafka, kinetica, worker, login);
        } catch (RuntimeException e) {
            if (kinetica != null) {
                kinetica.close();
            }
            kafka.close();
            throw e;
        }
    }

    private static void createGuideTables(KineticaEmulator kinetica, Login login) {
        String table = null;
        try {
            GPUdb gpudb = new GPUdb(kinetica.url(), login.options());
            Type type = new Type(
                    new Type.Column("id", Long.class, ColumnProperty.PRIMARY_KEY),
                    new Type.Column("sensor", String.class, ColumnProperty.CHAR16),
                    new Type.Column("reading", Double.class),
                    new Type.Column("taken_at", Long.class, ColumnProperty.TIMESTAMP));
            for (String name : GUIDE_TABLES) {
                table = name;
                gpudb.createTable(table, type.create(gpudb), GPUdbBase.options());
            }
        } catch (GPUdbException e) {
            throw new IllegalStateException("cannot create table " + table + " in the emulator: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> workerProps(EmbeddedKafka kafka, int restPort) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("bootstrap.servers", kafka.bootstrapServers());
        props.put("group.id", "kconnect-sandbox");
        props.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("key.converter.schemas.enable", "true");
        props.put("value.converter.schemas.enable", "true");
        props.put("config.storage.topic", "connect-configs");
        props.put("offset.storage.topic", "connect-offsets");
        props.put("status.storage.topic", "connect-status");
        props.put("config.storage.replication.factor", "1");
        props.put("offset.storage.replication.factor", "1");
        props.put("status.storage.replication.factor", "1");
        props.put("offset.storage.partitions", "5");
        props.put("status.storage.partitions", "1");
        props.put("offset.flush.interval.ms", "5000");
        props.put("listeners", "http://127.0.0.1:" + restPort);
        props.putAll(WorkerSettings.SOURCE_PRODUCER);
        return props;
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public KineticaEmulator kinetica() {
        return kinetica;
    }

    public WorkerProcess worker() {
        return worker;
    }

    /** What the emulator requires of clients. */
    public Login login() {
        return login;
    }

    @Override
    public void close() {
        try {
            worker.stop();
        } finally {
            try {
                kinetica.close();
            } finally {
                kafka.close();
            }
        }
    }
}

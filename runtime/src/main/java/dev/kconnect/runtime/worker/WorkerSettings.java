package dev.kconnect.runtime.worker;

import dev.kconnect.sandbox.Ports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The properties a worker starts with: the user's worker file and {@code -D} overrides, the
 * seed's {@code rest.port} translated, the bundled plugin on {@code plugin.path}, the file,
 * directory and env config providers ({@link ConfigProviders}), and for a standalone worker
 * defaults for a local setup. {@link #notices()} says what was changed.
 */
public final class WorkerSettings {
    static final int DEFAULT_REST_PORT = 8083;
    public static final String OFFSETS_FILE = "offset.storage.file.filename";
    /**
     * How often a standalone worker writes source offsets to its file. After kill -9 a source
     * sends again what it sent since the last write (PipelinesTest: 1,547 to 10,000 rows of
     * 200,000; Connect's default is 60 s); writing the small file 10 times a second costs next to nothing.
     */
    static final String OFFSET_FLUSH_MS = "100";
    /**
     * Connect's source producers otherwise send one small batch per round trip (one request in
     * flight, acks=all): measured ~10x fewer records/s from the Kinetica source here.
     */
    public static final Map<String, String> SOURCE_PRODUCER = Map.of("producer.batch.size", "1048576", "producer.linger.ms", "5");

    private static final Pattern LISTENER_PORT = Pattern.compile("^\\s*https?://[^,]*:(\\d+)\\s*$");

    private final Map<String, String> props;
    private final List<String> notices;

    private WorkerSettings(Map<String, String> props, List<String> notices) {
        this.props = props;
        this.notices = notices;
    }

    public Map<String, String> props() {
        return props;
    }

    public List<String> notices() {
        return notices;
    }

    /**
     * @param standalone     a standalone worker gets local defaults and a free REST port when
     *                       the user chose none and 8083 is taken
     * @param workerFile     the user's worker settings (empty when none was given)
     * @param overrides      {@code -D key=value} settings, applied last
     * @param bundledPlugins the Kinetica plugin's parent directory, or null
     * @param offsetsFile    where a standalone worker keeps its offsets
     */
    public static WorkerSettings build(boolean standalone, Map<String, String> workerFile, Map<String, String> overrides,
                                       Path bundledPlugins, Path offsetsFile) {
        List<String> notices = new ArrayList<>();
        Map<String, String> user = new LinkedHashMap<>(workerFile);
        user.putAll(overrides);

        Map<String, String> props = new LinkedHashMap<>();
        if (standalone) {
            props.put("bootstrap.servers", "localhost:9092");
            props.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
            props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
            props.put("key.converter.schemas.enable", "true");
            props.put("value.converter.schemas.enable", "true");
            props.put(OFFSETS_FILE, offsetsFile.toString());
            props.put("offset.flush.interval.ms", OFFSET_FLUSH_MS);
            props.putAll(SOURCE_PRODUCER);
        }
        props.putAll(user);
        translateRestPort(props, notices);
        choosePort(standalone, props, notices);
        addBundledPlugin(props, bundledPlugins, user.containsKey("plugin.discovery"));
        ConfigProviders.addDefaults(props, user, notices);
        return new WorkerSettings(props, notices);
    }

    /** Kafka 4 removed {@code rest.port}/{@code rest.host.name}; the seed's files still use them. */
    private static void translateRestPort(Map<String, String> props, List<String> notices) {
        String port = props.remove("rest.port");
        String host = props.remove("rest.host.name");
        if (port == null) {
            return;
        }
        if (props.containsKey("listeners")) {
            notices.add("rest.port=" + port + " ignored: listeners=" + props.get("listeners") + " is set too");
            return;
        }
        String listener = "http://" + (host == null || host.isBlank() ? "127.0.0.1" : host.trim()) + ":" + port.trim();
        props.put("listeners", listener);
        notices.add("rest.port=" + port.trim() + " is not a Kafka 4 setting; using listeners=" + listener);
    }

    private static void choosePort(boolean standalone, Map<String, String> props, List<String> notices) {
        if (props.containsKey("listeners")) {
            return;
        }
        int port = DEFAULT_REST_PORT;
        if (standalone && !Ports.isFree(port)) {
            port = Ports.free();
            notices.add("port " + DEFAULT_REST_PORT + " is taken; this worker's REST API uses port " + port);
        }
        props.put("listeners", "http://127.0.0.1:" + port);
    }

    private static void addBundledPlugin(Map<String, String> props, Path bundledPlugins, boolean userChoseDiscovery) {
        if (bundledPlugins == null) {
            return;
        }
        String own = props.get("plugin.path");
        String bundled = bundledPlugins.toAbsolutePath().toString();
        if (own == null || own.isBlank()) {
            props.put("plugin.path", bundled);
            if (!userChoseDiscovery) {
                // our plugin declares its connectors as services: no slow class scan needed
                props.put("plugin.discovery", "service_load");
            }
        } else if (!List.of(own.split(",")).contains(bundled)) {
            props.put("plugin.path", bundled + "," + own);
        }
    }

    /** The REST ports the worker will listen on, from {@code listeners}. */
    public List<Integer> restPorts() {
        List<Integer> ports = new ArrayList<>();
        for (String listener : props.getOrDefault("listeners", "").split(",")) {
            Matcher m = LISTENER_PORT.matcher(listener);
            if (m.matches() && Integer.parseInt(m.group(1)) != 0) {
                ports.add(Integer.parseInt(m.group(1)));
            }
        }
        return ports;
    }

    /** The state directory: $KCONNECT_STATE_DIR, else ~/.kconnect. */
    public static Path stateDir() {
        String env = System.getenv("KCONNECT_STATE_DIR");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".kconnect");
    }

    /** Where a standalone worker running {@code connectorNames} keeps its offsets. */
    public static Path offsetsFile(List<String> connectorNames) {
        String name = String.join("+", connectorNames).replaceAll("[^A-Za-z0-9._+-]", "_");
        return stateDir().resolve("standalone").resolve((name.isEmpty() ? "worker" : name) + ".offsets");
    }
}

package dev.kconnect.cli.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which keys belong to a worker and which to a connector, to catch the guide's "don't mix" mistake
 * before a worker starts or a connector is created. The lists are Connect's own config definitions
 * (worker-keys.txt, connector-keys.txt beside this class), read from a file so that checking a
 * connector file loads nothing of Connect's runtime; a test of the runtime module keeps them equal
 * to the definitions of the Connect release kconnect bundles.
 */
public final class ConnectKeys {
    /** Keys valid in both: per-connector converter overrides. */
    private static final Set<String> SHARED = Set.of("key.converter", "value.converter", "header.converter");

    private static final Set<String> WORKER = read("worker-keys.txt");
    private static final Set<String> CONNECTOR = read("connector-keys.txt");

    private ConnectKeys() {
    }

    /** Keys of {@code connectorSettings} that only a worker understands (bootstrap.servers, rest.port, …). */
    public static Set<String> workerOnly(Map<String, String> connectorSettings) {
        Set<String> found = new TreeSet<>();
        for (String key : connectorSettings.keySet()) {
            if (WORKER.contains(key) && !CONNECTOR.contains(key) && !SHARED.contains(key)) {
                found.add(key);
            }
        }
        return found;
    }

    /** Keys of {@code workerSettings} that only a connector understands. */
    public static Set<String> connectorOnly(Map<String, String> workerSettings) {
        Set<String> found = new TreeSet<>();
        for (String key : workerSettings.keySet()) {
            boolean connectorKey = CONNECTOR.contains(key) || key.startsWith("kinetica.");
            if (connectorKey && !WORKER.contains(key) && !SHARED.contains(key)) {
                found.add(key);
            }
        }
        return found;
    }

    /** The list in {@code resource}, one key a line. */
    public static Set<String> read(String resource) {
        Set<String> keys = new TreeSet<>();
        try (InputStream in = ConnectKeys.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " beside " + ConnectKeys.class.getName());
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    keys.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }
}

package dev.kconnect.sandbox.kinetica.monitor;

import dev.kconnect.sandbox.kinetica.store.KineticaError;
import dev.kconnect.sandbox.kinetica.store.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The table monitors of the emulator, by id, and the inserts they publish. A monitor's topic id is
 * its id, as in Kinetica 7.1, where /create/tablemonitor answers the same value as {@code topic_id}
 * and {@code info.insert_topic_id}. Monitors stay until cleared, whether anyone listens or not.
 */
public final class TableMonitors implements Table.InsertListener {
    /** One monitor: the qualified table it watches and the type schema of the rows it publishes. */
    public record Monitor(String id, String table, String typeSchema) {
    }

    private final Map<String, Monitor> monitors = new ConcurrentHashMap<>();
    private final MonitorPublisher publisher;

    public TableMonitors(MonitorPublisher publisher) {
        this.publisher = publisher;
    }

    /**
     * Registers an insert monitor of {@code table}.
     *
     * @param id the id asked for (option monitor_id), or null for a random one
     */
    public Monitor create(String table, String typeSchema, String id) {
        String monitorId = id == null || id.isEmpty() ? UUID.randomUUID().toString() : id;
        Monitor monitor = new Monitor(monitorId, table, typeSchema);
        if (monitors.putIfAbsent(monitorId, monitor) != null) {
            throw new KineticaError("Table monitor '" + monitorId + "' already exists");
        }
        return monitor;
    }

    public Optional<Monitor> clear(String id) {
        return Optional.ofNullable(monitors.remove(id));
    }

    /** The monitors named, or all of them for no names (or one empty name), in id order; unknown ids are an error. */
    public List<Monitor> show(List<String> ids) {
        if (ids.isEmpty() || ids.size() == 1 && ids.get(0).isEmpty()) {
            return monitors.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
        }
        List<Monitor> shown = new ArrayList<>(ids.size());
        for (String id : ids) {
            Monitor monitor = monitors.get(id);
            if (monitor == null) {
                throw new KineticaError("Table monitor '" + id + "' does not exist");
            }
            shown.add(monitor);
        }
        return shown;
    }

    /** The port subscribers connect to (conf.set_monitor_port). */
    public int port() {
        return publisher.port();
    }

    @Override
    public void inserted(Table table, List<byte[]> rows) {
        if (rows.isEmpty() || monitors.isEmpty()) {
            return;
        }
        for (Monitor monitor : monitors.values()) {
            if (monitor.table().equals(table.name())) {
                publisher.publish(monitor.id(), rows);
            }
        }
    }
}

package com.kinetica.kafka.source;

import com.gpudb.GPUdb;
import com.gpudb.GPUdbException;
import com.gpudb.protocol.CreateTableMonitorRequest;
import com.gpudb.protocol.CreateTableMonitorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The table monitors of the source in Kinetica: where they publish, and creating, finding and
 * clearing them. Each monitor's id is a prefix naming the topic the table's rows go to, plus a
 * random part, so a task finds the monitors a killed task left on its table for the same topic
 * (they publish to nobody but cost Kinetica work) and clears them before it creates its own, while
 * a task that is stopping clears only the one it made, never its successor's.
 */
public final class KineticaMonitors {
    private static final Logger log = LoggerFactory.getLogger(KineticaMonitors.class);
    /** Kinetica's /show/system/properties key of the table monitor port; -1 or absent when off. */
    static final String PORT_PROPERTY = "conf.set_monitor_port";

    private final GPUdb gpudb;

    public KineticaMonitors(GPUdb gpudb) {
        this.gpudb = gpudb;
    }

    /** {@code tcp://host:port} to subscribe to, the host of the client's URL, or empty when Kinetica publishes none. */
    public static Optional<String> endpoint(GPUdb gpudb) throws GPUdbException {
        String port = gpudb.showSystemProperties(Map.of("properties", PORT_PROPERTY)).getPropertyMap().get(PORT_PROPERTY);
        if (port == null || port.isBlank()) {
            return Optional.empty();
        }
        try {
            int number = Integer.parseInt(port.trim());
            if (number < 1 || number > 65535) {
                return Optional.empty();
            }
            return Optional.of("tcp://" + gpudb.getURL().getHost() + ":" + number);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Clears the monitors an earlier task left on {@code table} for {@code topic}, then creates an
     * insert monitor of it.
     *
     * @param topic the Kafka topic the table's rows go to, which names the monitor
     * @return the monitor's ZeroMQ topic id
     */
    public String create(String table, String topic) throws GPUdbException {
        String prefix = prefix(topic);
        for (String leftover : ids()) {
            if (leftover.startsWith(prefix)) {
                log.info("Clearing table monitor '{}' of table '{}', left by an earlier task", leftover, table);
                clear(leftover);
            }
        }
        String id = prefix + UUID.randomUUID().toString().substring(0, 8);
        CreateTableMonitorResponse created = gpudb.createTableMonitor(table, Map.of(
                CreateTableMonitorRequest.Options.EVENT, CreateTableMonitorRequest.Options.INSERT,
                CreateTableMonitorRequest.Options.MONITOR_ID, id));
        String insertTopic = created.getInfo().getOrDefault(CreateTableMonitorResponse.Info.INSERT_TOPIC_ID, "");
        return insertTopic.isEmpty() ? created.getTopicId() : insertTopic;
    }

    /** Whether the monitor of {@code topic} still exists (it can be cleared by anyone). */
    public boolean exists(String topic) throws GPUdbException {
        return ids().contains(topic);
    }

    public void clear(String topic) throws GPUdbException {
        gpudb.clearTableMonitor(topic, Map.of());
    }

    private List<String> ids() throws GPUdbException {
        return gpudb.showTableMonitors(List.of(), Map.of()).getMonitorIds();
    }

    /** {@code kconnect_<topic>_}, every character but letters, digits and '_' made '_'. */
    static String prefix(String topic) {
        return ("kconnect_" + topic + "_").replaceAll("[^A-Za-z0-9_]", "_");
    }
}

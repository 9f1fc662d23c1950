package dev.kconnect.runtime.worker;

import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConfigInfos;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.apache.kafka.connect.util.FutureCallback;
import org.eclipse.jetty.util.thread.ShutdownThread;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/** A Connect worker in this JVM: start, add connectors, report, and stop cleanly on Ctrl-C. */
public final class WorkerProcess {
    /** Prefixes of connector keys that no config definition lists one by one. */
    private static final List<String> OPEN_PREFIXES = List.of("transforms.", "predicates.", "key.converter.",
            "value.converter.", "header.converter.", "producer.override.", "consumer.override.", "admin.override.");

    private final Connect<?> connect;
    private final PrintWriter out;

    private WorkerProcess(Connect<?> connect, PrintWriter out) {
        this.connect = connect;
        this.out = out;
    }

    /** Starts a worker; Connect's calls to exit the JVM become a {@link WorkerStartException}. */
    public static WorkerProcess start(boolean standalone, Map<String, String> props, PrintWriter out) {
        Exit.setExitProcedure((code, message) -> {
            throw new WorkerStartException("the worker stopped with code " + code
                    + (message == null ? "" : ": " + message), null);
        });
        try {
            Connect<?> connect = standalone
                    ? new ConnectStandalone().startConnect(props)
                    : new ConnectDistributed().startConnect(props);
            leaveTheRestServerToConnect();
            return new WorkerProcess(connect, out);
        } catch (WorkerStartException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new WorkerStartException("the worker did not start: " + rootMessage(e), e);
        }
    }

    /**
     * Connect's REST server also asks Jetty to stop it from a shutdown hook of Jetty's own, which
     * runs beside the stop of kconnect's and Connect's hooks. When Jetty's hook destroys the server
     * while Connect stops it, the server's thread pool is left running and Connect waits for it for
     * ever: seen on SIGTERM right after a start, the worker then never stops its tasks nor commits
     * their offsets. Connect stops the server itself, so Jetty's hook is taken out.
     */
    private static void leaveTheRestServerToConnect() {
        try {
            Runtime.getRuntime().removeShutdownHook(ShutdownThread.getInstance());
        } catch (IllegalStateException e) {
            // already shutting down: Connect's own stop is under way
        }
    }

    public String restUrl() {
        return connect.rest().serverUrl().toString().replaceAll("/$", "");
    }

    public Herder herder() {
        return connect.herder();
    }

    /**
     * Creates (or replaces) a connector, after warning about keys its plugin does not know,
     * such as sink options given to a source.
     */
    public void addConnector(String name, Map<String, String> config, PrintWriter err) {
        Set<String> unknown = unrecognizedKeys(config);
        if (!unknown.isEmpty()) {
            err.println("warning: " + name + ": not recognized by " + config.get(ConfigFile.CONNECTOR_CLASS)
                    + " (options of another connector type?): " + String.join(", ", unknown));
        }
        FutureCallback<Herder.Created<ConnectorInfo>> created = new FutureCallback<>();
        connect.herder().putConnectorConfig(name, config, true, created);
        await(created, "create connector " + name);
    }

    private Set<String> unrecognizedKeys(Map<String, String> config) {
        FutureCallback<ConfigInfos> validated = new FutureCallback<>();
        connect.herder().validateConnectorConfig(config, validated, false);
        ConfigInfos infos = await(validated, "validate connector " + config.get("name"));
        Set<String> known = infos.configs().stream().map(ConfigInfo::configKey)
                .filter(Objects::nonNull).map(k -> k.name()).collect(Collectors.toSet());
        Set<String> unknown = new TreeSet<>();
        for (String key : config.keySet()) {
            if (!known.contains(key) && OPEN_PREFIXES.stream().noneMatch(key::startsWith)) {
                unknown.add(key);
            }
        }
        return unknown;
    }

    /**
     * Tells a standalone worker that the connectors it starts with are added, as Kafka's own
     * connect-standalone does: until then its {@code GET /health} answers that it is starting.
     */
    public void connectorsAdded() {
        if (connect.herder() instanceof StandaloneHerder standalone) {
            standalone.ready();
        }
    }

    /** Prints each connector's state once it is known (RUNNING, FAILED, …), waiting up to 30 s. */
    public void reportStates(List<String> names) {
        for (String name : names) {
            String state = "UNKNOWN";
            for (int i = 0; i < 60; i++) {
                try {
                    ConnectorStateInfo info = connect.herder().connectorStatus(name);
                    state = info.connector().state();
                    boolean tasksKnown = !info.tasks().isEmpty();
                    if (!"UNASSIGNED".equals(state) && tasksKnown) {
                        String tasks = info.tasks().stream().map(t -> t.id() + ":" + t.state())
                                .collect(Collectors.joining(" "));
                        out.println("connector " + name + ": " + state + " (tasks " + tasks + ")");
                        out.flush();
                        state = null;
                        break;
                    }
                } catch (RuntimeException e) {
                    // not registered yet
                }
                sleep(500);
            }
            if (state != null) {
                out.println("connector " + name + ": " + state + " (no task yet; see `kconnect status " + name + " --url " + restUrl() + "`)");
                out.flush();
            }
        }
    }

    /** Stops the worker: tasks stop and commit their offsets. */
    public void stop() {
        // Connect's own shutdown hook may be stopping it already, in which case stop() returns
        // at once: wait for the herder itself, so what the tasks talk to outlives them
        connect.stop();
        connect.awaitStop();
        Future<?> herderTask = connect.herderTask();
        if (herderTask != null) {
            try {
                herderTask.get(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException | CancellationException e) {
                // stopped with an error or not in time: nothing more to wait for
            }
        }
    }

    /** Blocks until the worker is stopped (by {@link #stop()} from a shutdown hook). */
    public void awaitStop() {
        connect.awaitStop();
    }

    private static <T> T await(FutureCallback<T> callback, String what) {
        try {
            return callback.get(120, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new WorkerStartException("cannot " + what + ": " + rootMessage(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            throw new WorkerStartException("cannot " + what + ": no answer from the worker in 120 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkerStartException("interrupted while trying to " + what, e);
        }
    }

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

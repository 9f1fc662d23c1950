package dev.kconnect.cli.client;

import dev.kconnect.cli.client.model.ConnectorStatus;

import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLException;

/**
 * Which workers named in a status no longer answer. Connect reports a task as it last was until it
 * reassigns it, and after a worker dies that waits for the worker to come back, up to
 * scheduled.rebalance.max.delay.ms (5 minutes by default): a killed worker's tasks show RUNNING all
 * that time. A worker id is the worker's advertised REST host:port (rest.advertised.host.name), so
 * each is asked {@code GET /} with the same scheme, credentials and TLS, briefly and all at once; only
 * a refused or silent port counts as gone.
 */
public final class WorkerProbe {
    /** The state shown, in tables, for a connector or task whose worker does not answer. */
    public static final String GONE = "GONE";
    private static final Duration PATIENCE = Duration.ofSeconds(2);

    private WorkerProbe() {
    }

    /**
     * The ids among {@code workerIds} whose REST API does not answer, asked with {@code client}'s
     * settings (credentials a person typed included); the worker {@code client} talks to answered.
     */
    public static Set<String> gone(ConnectClient client, Collection<String> workerIds) {
        ClientSettings settings = client.transport.settings();
        URI base = settings.url();
        Set<String> others = new TreeSet<>();
        for (String id : workerIds) {
            if (id != null && !id.isBlank() && !id.equals(base.getHost() + ":" + port(base))) {
                others.add(id);
            }
        }
        if (others.isEmpty()) {
            return Set.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(8, others.size()), r -> {
            Thread t = new Thread(r, "kconnect-worker-probe");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, CompletableFuture<Boolean>> answers = new TreeMap<>();
            for (String id : others) {
                answers.put(id, CompletableFuture.supplyAsync(() -> answers(settings, base.getScheme() + "://" + id), pool));
            }
            Set<String> gone = new TreeSet<>();
            answers.forEach((id, answered) -> {
                if (!answered.join()) {
                    gone.add(id);
                }
            });
            return gone;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The worker ids a status names. */
    public static List<String> workerIds(ConnectorStatus status) {
        List<String> ids = new ArrayList<>();
        if (status.connector() != null) {
            ids.add(status.connector().workerId());
        }
        status.tasks().forEach(t -> ids.add(t.workerId()));
        return ids;
    }

    /** {@code status} with the connector's and the tasks' states {@link #GONE} where their worker is in {@code gone}. */
    public static ConnectorStatus marked(ConnectorStatus status, Set<String> gone) {
        if (gone.isEmpty()) {
            return status;
        }
        ConnectorStatus.State c = status.connector();
        ConnectorStatus.State connector = c != null && gone.contains(c.workerId())
                ? new ConnectorStatus.State(GONE, c.workerId(), c.trace()) : c;
        List<ConnectorStatus.TaskState> tasks = status.tasks().stream()
                .map(t -> gone.contains(t.workerId()) ? new ConnectorStatus.TaskState(t.id(), GONE, t.workerId(), t.trace()) : t)
                .toList();
        return new ConnectorStatus(status.name(), connector, tasks, status.type());
    }

    /** The line that says what GONE means, naming the workers. */
    public static String explain(Set<String> gone) {
        return "worker" + (gone.size() == 1 ? " " : "s ") + String.join(", ", gone) + " did not answer: what ran there "
                + "shows GONE (Connect still reports it as it last was, RUNNING, until it reassigns it, within the "
                + "workers' scheduled.rebalance.max.delay.ms, 5 minutes by default)";
    }

    private static boolean answers(ClientSettings settings, String url) {
        ClientSettings probe = new ClientSettings(URI.create(url), PATIENCE, PATIENCE, Duration.ZERO, settings.headers(),
                settings.tls());
        try (ConnectClient client = new ConnectClient(probe)) {
            client.serverInfo();
            return true;
        } catch (RequestTimedOutException e) {
            return false;
        } catch (WorkerUnreachableException e) {
            // refused, or no connection in time: gone. A host name this machine cannot resolve (a worker
            // that advertises a name known inside its network only) or a TLS failure says nothing of it.
            Throwable cause = e.getCause();
            return cause instanceof UnknownHostException || cause instanceof SSLException;
        } catch (ClientException e) {
            return true; // it answered, if only to refuse
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equals(uri.getScheme()) ? 443 : 80;
    }
}

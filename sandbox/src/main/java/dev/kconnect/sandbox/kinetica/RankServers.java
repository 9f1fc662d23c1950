package dev.kconnect.sandbox.kinetica;

import com.sun.net.httpserver.HttpServer;
import dev.kconnect.sandbox.PortInUseException;
import dev.kconnect.sandbox.kinetica.endpoint.Ranks;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP servers of the head (rank 0) and of each worker rank, all handing their exchanges to
 * one {@link RequestHandler}. A rank's port of 0 becomes a free one at its first start and is kept
 * from then on, so a server taken down and brought up again answers where it did.
 */
final class RankServers {
    static {
        // the JDK server leaves Nagle's algorithm on, costing ~40 ms per back-to-back request;
        // the property is read once, when the first JDK HttpServer is made
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final String host;
    private final Ranks ranks;
    private final RequestHandler handler;
    private final ExecutorService executor;
    /** The listening servers by rank; null while that rank is down. */
    private final HttpServer[] servers;
    private boolean closed;

    RankServers(String host, Ranks ranks, RequestHandler handler) {
        this.host = host;
        this.ranks = ranks;
        this.handler = handler;
        this.servers = new HttpServer[ranks.workers() + 1];
        this.executor = Executors.newFixedThreadPool(4 + ranks.workers(), r -> {
            Thread thread = new Thread(r, "kinetica-emulator-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Listens on every rank's port that is not listened on yet. */
    synchronized void start() {
        if (closed) {
            throw new IllegalStateException("the Kinetica emulator on port " + ranks.port(0) + " is closed");
        }
        try {
            for (int rank = 0; rank < servers.length; rank++) {
                if (servers[rank] == null) {
                    servers[rank] = listen(rank);
                }
            }
        } catch (RuntimeException e) {
            stop(0);
            throw e;
        }
    }

    private HttpServer listen(int rank) {
        int port = ranks.port(rank);
        String what = rank == 0 ? "the Kinetica emulator" : "worker rank " + rank + " of the Kinetica emulator";
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress(host, port), 64);
            created.createContext("/", exchange -> handler.handle(exchange, rank));
            created.setExecutor(executor);
            created.start();
            ranks.setPort(rank, created.getAddress().getPort());
            return created;
        } catch (BindException e) {
            throw new PortInUseException(port, what);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + what + " on " + host + ":" + port, e);
        }
    }

    /** Stops listening on ranks {@code from} to the last. */
    synchronized void stop(int from) {
        for (int rank = from; rank < servers.length; rank++) {
            if (servers[rank] != null) {
                servers[rank].stop(0);
                servers[rank] = null;
            }
        }
    }

    synchronized void close() {
        stop(0);
        closed = true;
        executor.shutdownNow();
    }
}

package dev.kconnect.sandbox.kinetica;

import com.sun.net.httpserver.HttpServer;
import dev.kconnect.sandbox.PortInUseException;
import dev.kconnect.sandbox.kinetica.endpoint.Endpoints;
import dev.kconnect.sandbox.kinetica.store.Catalog;
import dev.kconnect.sandbox.kinetica.store.Column;
import dev.kconnect.sandbox.kinetica.store.Table;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process server speaking Kinetica's HTTP/Avro wire protocol, so that the real gpudb-api
 * client (GPUdb, BulkInserter, Type.fromTable, getRecords...) runs against in-memory tables.
 * <pre>
 * KineticaEmulator emu = KineticaEmulator.builder().port(0).credentials("user", "pass").start();
 * GPUdb db = new GPUdb(emu.url(), options);
 * </pre>
 */
public final class KineticaEmulator implements AutoCloseable {
    static {
        // the JDK server leaves Nagle's algorithm on, costing ~40 ms per back-to-back request;
        // the property is read once, when the first JDK HttpServer is made
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final String host;
    private final Catalog catalog = new Catalog();
    private final Faults faults;
    private final RequestHandler handler;
    private final ExecutorService executor;
    private int port;
    private HttpServer server;
    private boolean closed;

    private KineticaEmulator(Builder builder) {
        this.host = builder.host;
        this.port = builder.port;
        String authorization = builder.user == null ? null : "Basic " + Base64.getEncoder().encodeToString(
                (builder.user + ":" + builder.password).getBytes(StandardCharsets.UTF_8));
        this.faults = new Faults(new Faults.Switch() {
            @Override
            public void down() {
                stopServer();
            }

            @Override
            public void up() {
                startServer();
            }
        });
        this.handler = new RequestHandler(Endpoints.all(catalog, authorization != null), faults, authorization);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "kinetica-emulator-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An emulator without authentication on 127.0.0.1:{@code port} (0 picks a free port). */
    public static KineticaEmulator start(int port) {
        return builder().port(port).start();
    }

    private synchronized void startServer() {
        if (closed) {
            throw new IllegalStateException("the Kinetica emulator on port " + port + " is closed");
        }
        if (server != null) {
            return;
        }
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress(host, port), 64);
            created.createContext("/", handler);
            created.setExecutor(executor);
            created.start();
            port = created.getAddress().getPort();
            server = created;
        } catch (BindException e) {
            throw new PortInUseException(port, "the Kinetica emulator");
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Kinetica emulator on " + host + ":" + port, e);
        }
    }

    private synchronized void stopServer() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** The URL to give the client, e.g. {@code http://127.0.0.1:9191}. */
    public String url() {
        return "http://" + host + ":" + port;
    }

    public int port() {
        return port;
    }

    public Faults faults() {
        return faults;
    }

    /** Names (schema.table) of all tables, sorted. */
    public List<String> tableNames() {
        return catalog.tableNames();
    }

    public boolean hasTable(String table) {
        return catalog.find(table).isPresent();
    }

    /** Rows in {@code table} (with or without its schema); fails when it does not exist. */
    public long rowCount(String table) {
        return catalog.table(table).size();
    }

    /** Column names of {@code table}, in order. */
    public List<String> columnNames(String table) {
        return catalog.table(table).type().columns().stream().map(Column::name).toList();
    }

    /** Every row of {@code table} as column name to value (Integer, Long, Float, Double, String, ByteBuffer, null). */
    public List<Map<String, Object>> rows(String table) {
        Table.Snapshot snapshot = catalog.table(table).select(Table.ALL, null);
        List<Column> columns = snapshot.type().columns();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Table.Row row : snapshot.rows()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                map.put(columns.get(i).name(), row.values()[i]);
            }
            rows.add(map);
        }
        return rows;
    }

    /** How many calls an endpoint (e.g. "/insert/records") got from authorized clients since the start. */
    public long calls(String endpoint) {
        return handler.calls(endpoint);
    }

    @Override
    public synchronized void close() {
        stopServer();
        closed = true;
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "KineticaEmulator[" + url() + "]";
    }

    /** Settings of an emulator; {@link #start()} binds it. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 9191;
        private String user;
        private String password;

        private Builder() {
        }

        /** The port to listen on; 0 picks a free one. Default 9191, Kinetica's. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The address to bind; default 127.0.0.1. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** Require HTTP basic authentication with these credentials (401 otherwise). */
        public Builder credentials(String user, String password) {
            this.user = user;
            this.password = password;
            return this;
        }

        public KineticaEmulator start() {
            KineticaEmulator emulator = new KineticaEmulator(this);
            emulator.startServer();
            return emulator;
        }
    }
}

package dev.kconnect.sandbox.kinetica;

import com.gpudb.GPUdb;
import com.gpudb.GPUdbException;
import dev.kconnect.sandbox.kinetica.endpoint.Endpoints;
import dev.kconnect.sandbox.kinetica.endpoint.Refusals;
import dev.kconnect.sandbox.kinetica.endpoint.Ranks;
import dev.kconnect.sandbox.kinetica.monitor.MonitorPublisher;
import dev.kconnect.sandbox.kinetica.monitor.TableMonitors;
import dev.kconnect.sandbox.kinetica.store.Catalog;
import dev.kconnect.sandbox.kinetica.store.Column;
import dev.kconnect.sandbox.kinetica.store.Table;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-process server speaking Kinetica's HTTP/Avro wire protocol, so that the real gpudb-api
 * client (GPUdb, BulkInserter, Type.fromTable, getRecords...) runs against in-memory tables.
 * <pre>
 * KineticaEmulator emu = KineticaEmulator.builder().port(0).credentials("user", "pass").start();
 * GPUdb db = emu.client(); // or new GPUdb(emu.url(), options)
 * </pre>
 * With {@link Builder#workerRanks(int) worker ranks} it also listens on one port per worker rank,
 * for multi-head ingest; every port serves the same tables. Its {@link Faults} also answer over HTTP
 * on a port of their own ({@link #controlUrl()}), which stays up whatever fault is injected.
 */
public final class KineticaEmulator implements AutoCloseable {
    private final String host;
    /** The credentials it requires, null for none. */
    private final String user;
    private final String password;
    private final MonitorPublisher publisher;
    private final TableMonitors monitors;
    private final Catalog catalog;
    private final Ranks ranks;
    private final Faults faults;
    private final RequestHandler handler;
    private final RankServers servers;
    private final int controlPort;
    private FaultControl control;

    private KineticaEmulator(Builder builder) {
        this.host = builder.host;
        this.user = builder.user;
        this.password = builder.password;
        this.ranks = new Ranks(builder.workerRanks);
        this.controlPort = builder.controlPort;
        this.publisher = MonitorPublisher.start(builder.host, builder.monitorPort);
        this.monitors = new TableMonitors(publisher);
        this.catalog = new Catalog(monitors);
        ranks.setPort(0, builder.port);
        String authorization = builder.user == null ? null : "Basic " + Base64.getEncoder().encodeToString(
                (builder.user + ":" + builder.password).getBytes(StandardCharsets.UTF_8));
        Refusals refusals = new Refusals();
        this.faults = new Faults(refusals, new Faults.Switch() {
            @Override
            public void down() {
                servers.stop(0);
                publisher.down();
            }

            @Override
            public void downWorkers() {
                servers.stop(1);
            }

            @Override
            public void up() {
                servers.start();
                publisher.up();
            }
        });
        this.handler = new RequestHandler(Endpoints.all(catalog, monitors, ranks, refusals, authorization != null), faults,
                authorization);
        this.servers = new RankServers(builder.host, ranks, handler);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An emulator without authentication on 127.0.0.1:{@code port} (0 picks a free port). */
    public static KineticaEmulator start(int port) {
        return builder().port(port).start();
    }

    /** Starts the fault controls; the emulator listens already, so that its URL is known. */
    private void startControl() {
        control = FaultControl.start(host, controlPort, faults, this::url);
    }

    /** Where the fault controls answer ({@code GET /_sandbox/faults}...), e.g. {@code http://127.0.0.1:9190}. */
    public String controlUrl() {
        return "http://" + host + ":" + control.port();
    }

    /** The URL to give the client, e.g. {@code http://127.0.0.1:9191}. */
    public String url() {
        return url(0);
    }

    /**
     * A real client of this emulator as the connector makes one (no auto-discovery, no failover:
     * errors at once), with the emulator's credentials. Making one takes a while: reuse it.
     */
    public GPUdb client() {
        GPUdb.Options options = new GPUdb.Options().setDisableAutoDiscovery(true).setDisableFailover(true);
        if (user != null) {
            options.setUsername(user).setPassword(password);
        }
        try {
            return new GPUdb(url(), options);
        } catch (GPUdbException e) {
            // the client only checks the URL here, and this one is ours
            throw new IllegalStateException("no client for the emulator at " + url() + ": " + e.getMessage(), e);
        }
    }

    /** The URL of {@code rank}: 0 is the head, 1..n the worker ranks. */
    public String url(int rank) {
        return "http://" + host + ":" + ranks.port(rank);
    }

    public int port() {
        return ranks.port(0);
    }

    /** Records that /insert/records took in through the port of {@code rank} (0 is the head) since the start. */
    public long recordsInsertedThrough(int rank) {
        return ranks.insertedThrough(rank);
    }

    /**
     * Records sent to a worker rank that does not own their shard. They are stored all the same
     * and the answer says "data_rerouted", as gpudb-api expects of Kinetica; a client that routes
     * by the shard map leaves this at 0.
     */
    public long recordsRerouted() {
        return ranks.rerouted();
    }

    /** The port table monitors publish on (ZeroMQ PUB, Kinetica's {@code conf.set_monitor_port}; see MonitorPublisher). */
    public int monitorPort() {
        return publisher.port();
    }

    /** The ids of the table monitors that exist now, sorted. */
    public List<String> tableMonitorIds() {
        return monitors.show(List.of()).stream().map(TableMonitors.Monitor::id).toList();
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

    /**
     * Requests being served now or held by a hang: one whose client timed out is still carried out,
     * as by Kinetica, and counts here until it is done.
     */
    public int callsInProgress() {
        return handler.inProgress();
    }

    /** How many calls an endpoint (e.g. "/insert/records") got from authorized clients since the start. */
    public long calls(String endpoint) {
        return handler.calls(endpoint);
    }

    /** Calls to all endpoints together, from authorized clients, since the start. */
    public long calls() {
        return handler.calls();
    }

    @Override
    public synchronized void close() {
        servers.close();
        publisher.close();
        if (control != null) {
            control.close();
        }
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
        private int workerRanks;
        private int controlPort;
        private int monitorPort;

        private Builder() {
        }

        /** The table monitor port (ZeroMQ); default 0, a free one. Kinetica's own default is 9002. */
        public Builder monitorPort(int port) {
            this.monitorPort = port;
            return this;
        }

        /** The port of the fault controls; default 0, a free one. */
        public Builder controlPort(int port) {
            this.controlPort = port;
            return this;
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

        /**
         * Multi-head ingest: {@code n} worker ranks, each on a free port of the same host, listed
         * by /show/system/properties and owning shards in /admin/show/shards. Default 0: the
         * head alone, which reports multi-head ingest off.
         */
        public Builder workerRanks(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("worker ranks must be >= 0, not " + n);
            }
            this.workerRanks = n;
            return this;
        }

        public KineticaEmulator start() {
            KineticaEmulator emulator = new KineticaEmulator(this);
            try {
                emulator.servers.start();
                emulator.startControl();
            } catch (RuntimeException e) {
                emulator.close();   // the monitor publisher runs already
                throw e;
            }
            return emulator;
        }
    }
}

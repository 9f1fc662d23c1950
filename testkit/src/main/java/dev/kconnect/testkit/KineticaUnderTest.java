package dev.kconnect.testkit;

import com.gpudb.GPUdb;
import com.gpudb.GPUdbException;
import com.gpudb.GenericRecord;
import com.gpudb.Type;
import com.gpudb.protocol.ClearTableRequest;
import com.gpudb.protocol.DropSchemaRequest;
import com.gpudb.protocol.GetRecordsResponse;
import com.gpudb.protocol.ShowSchemaRequest;
import com.gpudb.protocol.ShowTableRequest;
import dev.kconnect.sandbox.kinetica.KineticaEmulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The Kinetica a test class writes into and reads back from: by default an emulator of its own;
 * with the system property {@code kinetica.url} (the {@code kinetica} Maven profile passes it,
 * with {@code kinetica.user} and {@code kinetica.password-file}) that server instead, or, for
 * {@code kinetica.url=emulator}, one emulator shared by the test JVM and reached only through
 * its URL, as a server would be.
 * <p>
 * Each one works in a schema of its own ({@code kconnect_test_<random>}), made at the start and
 * dropped with its tables at {@link #close()}. Tests read results through gpudb-api alone, the
 * same way from the emulator and from a server. Test classes that run this way are tagged
 * {@code kinetica}; those of their tests that need the emulator itself (fault injection, its call
 * counts) are also tagged {@code emulator-only}, and the profile leaves them out.
 */
public final class KineticaUnderTest implements AutoCloseable {
    /** Rows read per /get/records call; Kinetica answers at most its max_get_records_size (20,000 by default). */
    private static final int PAGE = 10_000;
    private static KineticaEmulator shared;

    private final String url;
    private final String user;
    private final String password;
    /** The emulator this object started, null otherwise: only its owner may inject faults or count calls. */
    private final KineticaEmulator emulator;
    private final GPUdb gpudb;
    private final String schema = "kconnect_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    private KineticaUnderTest(String url, String user, String password, KineticaEmulator emulator) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.emulator = emulator;
        GPUdb.Options options = new GPUdb.Options().setDisableAutoDiscovery(true).setDisableFailover(true);
        if (!user.isEmpty()) {
            options.setUsername(user).setPassword(password);
        }
        try {
            gpudb = new GPUdb(url, options);
            gpudb.createSchema(schema, Map.of());
        } catch (GPUdbException e) {
            throw new IllegalStateException("could not create schema " + schema + " in Kinetica at " + url
                    + " (-Dkinetica.url): " + e.getMessage(), e);
        }
    }

    /** The Kinetica the system properties name, with a new schema in it. */
    public static KineticaUnderTest start() {
        return start(System.getProperty("kinetica.url", ""), System.getProperty("kinetica.user", ""),
                System.getProperty("kinetica.password-file", ""));
    }

    /**
     * The Kinetica at {@code url} (blank: an emulator of its own; "emulator": the shared one), with
     * a new schema in it.
     */
    static KineticaUnderTest start(String url, String user, String passwordFile) {
        url = url.strip();
        user = user.strip();
        String password = password(passwordFile.strip());
        if (url.isEmpty()) {
            KineticaEmulator own = KineticaEmulator.start(0);
            return new KineticaUnderTest(own.url(), "", "", own);
        }
        if (url.equals("emulator")) {
            return new KineticaUnderTest(shared(user, password).url(), user, password, null);
        }
        return new KineticaUnderTest(url, user, password, null);
    }

    /** The first line of the file: the password, kept off command lines. */
    private static String password(String file) {
        if (file.isEmpty()) {
            return "";
        }
        try {
            return Files.readAllLines(Path.of(file)).stream().findFirst().orElse("");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read kinetica.password-file " + file, e);
        }
    }

    /**
     * The emulator of {@code kinetica.url=emulator}, requiring the credentials given first. It lives
     * as long as the JVM (its threads are daemons), so that every test class shares it as a server.
     */
    private static synchronized KineticaEmulator shared(String user, String password) {
        if (shared == null) {
            KineticaEmulator.Builder builder = KineticaEmulator.builder().port(0);
            shared = (user.isEmpty() ? builder : builder.credentials(user, password)).start();
        }
        return shared;
    }

    public String url() {
        return url;
    }

    /** The schema of this object's tables. */
    public String schema() {
        return schema;
    }

    /** {@code schema.name}: a table in {@link #schema()}. */
    public String table(String name) {
        return schema + "." + name;
    }

    /** The connection settings of a connector: {@code kinetica.url}, and the credentials when there are some. */
    public Map<String, String> connection() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("kinetica.url", url);
        if (!user.isEmpty()) {
            settings.put("kinetica.username", user);
            settings.put("kinetica.password", password);
        }
        return settings;
    }

    /** A client of this Kinetica, as the connector makes one. */
    public GPUdb gpudb() {
        return gpudb;
    }

    /**
     * The emulator when this object started one for itself (the default build), for what a server
     * cannot do: inject faults, count calls. Empty against a server or the shared emulator.
     */
    public Optional<KineticaEmulator> emulator() {
        return Optional.ofNullable(emulator);
    }

    /** The table's type; a name without a schema is one in {@link #schema()}, as for all reads here. */
    public Type type(String table) {
        try {
            return Type.fromTable(gpudb, qualified(table));
        } catch (GPUdbException e) {
            throw failed("read the type of", table, e);
        }
    }

    public boolean hasTable(String table) {
        try {
            return gpudb.hasTable(qualified(table), Map.of()).getTableExists();
        } catch (GPUdbException e) {
            throw failed("look for", table, e);
        }
    }

    public long rowCount(String table) {
        try {
            return gpudb.showTable(qualified(table), Map.of(ShowTableRequest.Options.GET_SIZES, "true")).getTotalSize();
        } catch (GPUdbException e) {
            throw failed("count the rows of", table, e);
        }
    }

    public List<String> columnNames(String table) {
        return type(table).getColumns().stream().map(Type.Column::getName).toList();
    }

    /** Every row of the table as column name to value (Integer, Long, Float, Double, String, ByteBuffer, null). */
    public List<Map<String, Object>> rows(String table) {
        String name = qualified(table);
        Type type = type(name);
        List<Map<String, Object>> rows = new ArrayList<>();
        try {
            GetRecordsResponse<GenericRecord> page;
            do {
                page = gpudb.getRecords(type, name, rows.size(), PAGE, Map.of());
                for (GenericRecord record : page.getData()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    type.getColumns().forEach(c -> row.put(c.getName(), record.get(c.getName())));
                    rows.add(row);
                }
            } while (page.getHasMoreRecords() && !page.getData().isEmpty());
        } catch (GPUdbException e) {
            throw failed("read the rows of", table, e);
        }
        return rows;
    }

    private String qualified(String table) {
        return table.contains(".") ? table : table(table);
    }

    private IllegalStateException failed(String what, String table, GPUdbException e) {
        return new IllegalStateException("could not " + what + " " + qualified(table) + " in Kinetica at " + url + ": "
                + e.getMessage(), e);
    }

    /**
     * Drops the schema and its tables: each table first, which works on every server, then the
     * schema itself. Fails when a table is left.
     */
    @Override
    public void close() {
        try {
            for (String table : tablesInSchema()) {
                gpudb.clearTable(table, "", Map.of(ClearTableRequest.Options.NO_ERROR_IF_NOT_EXISTS, "true"));
            }
            dropSchema();
            List<String> left = tablesInSchema();
            if (!left.isEmpty()) {
                throw new IllegalStateException("tables left in schema " + schema + " of Kinetica at " + url + ": " + left);
            }
        } catch (GPUdbException e) {
            throw new IllegalStateException("could not drop schema " + schema + " of Kinetica at " + url + ": "
                    + e.getMessage(), e);
        } finally {
            if (emulator != null) {
                emulator.close();
            }
        }
    }

    private List<String> tablesInSchema() throws GPUdbException {
        var shown = gpudb.showSchema(schema, Map.of(ShowSchemaRequest.Options.NO_ERROR_IF_NOT_EXISTS, "true"));
        return shown.getSchemaTables().isEmpty() ? List.of()
                : shown.getSchemaTables().get(0).stream().map(t -> t.contains(".") ? t : table(t)).toList();
    }

    private void dropSchema() throws GPUdbException {
        gpudb.dropSchema(schema, Map.of(DropSchemaRequest.Options.NO_ERROR_IF_NOT_EXISTS, "true",
                DropSchemaRequest.Options.CASCADE, "true"));
    }
}

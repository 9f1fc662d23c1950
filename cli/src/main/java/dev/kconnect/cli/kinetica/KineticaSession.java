package dev.kconnect.cli.kinetica;

import com.gpudb.GPUdb;
import com.gpudb.GPUdbBase;
import com.gpudb.GPUdbException;
import com.gpudb.GenericRecord;
import com.gpudb.Type;
import com.gpudb.protocol.GetRecordsResponse;
import com.gpudb.protocol.ShowTableResponse;
import dev.kconnect.cli.client.NotFoundException;
import dev.kconnect.cli.client.WorkerUnreachableException;
import dev.kconnect.cli.input.BadInputException;
import dev.kconnect.cli.lag.ClusterException;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The few questions {@code kconnect kinetica} asks, through gpudb-api: which tables there are,
 * and a table's rows. Failures become the CLI's one-line errors and exit codes.
 */
public final class KineticaSession {

    private final GPUdb gpudb;
    private final String url;

    private KineticaSession(GPUdb gpudb, String url) {
        this.gpudb = gpudb;
        this.url = url;
    }

    /**
     * A session with the Kinetica at {@code url}; {@code user} null for none. Each call waits at
     * most {@code timeout} to connect and to be answered; zero: gpudb-api's defaults.
     */
    public static KineticaSession open(String url, String user, String password, Duration timeout) {
        GPUdbBase.Options options = new GPUdbBase.Options().setDisableAutoDiscovery(true).setDisableFailover(true);
        if (!timeout.isZero()) {
            options.setTimeout((int) timeout.toMillis()).setServerConnectionTimeout((int) timeout.toMillis());
        }
        if (user != null) {
            options.setUsername(user).setPassword(password);
        }
        try {
            return new KineticaSession(new GPUdb(url, options), url);
        } catch (GPUdbException e) {
            throw new BadInputException("cannot use --kinetica-url '" + url + "': " + firstLine(e)
                    + "; expected e.g. http://localhost:9191");
        }
    }

    /** Every table with its row count and columns, by name. Schemas (a real Kinetica's top level) are opened. */
    public List<TableInfo> tables() {
        List<TableInfo> tables = new ArrayList<>();
        ShowTableResponse top = call(() -> gpudb.showTable("", Map.of("show_children", "true", "get_sizes", "true")), null);
        for (int i = 0; i < top.getTableNames().size(); i++) {
            List<String> kinds = top.getTableDescriptions().get(i);
            String name = top.getTableNames().get(i);
            if (kinds.contains("SCHEMA") || kinds.contains("COLLECTION")) {
                ShowTableResponse inner = call(() -> gpudb.showTable(name, Map.of("show_children", "true",
                        "get_sizes", "true", "no_error_if_not_exists", "true")), null);
                add(inner, tables);
            } else {
                tables.add(info(top, i));
            }
        }
        tables.sort(Comparator.comparing(TableInfo::name));
        return tables;
    }

    private static void add(ShowTableResponse response, List<TableInfo> tables) {
        for (int i = 0; i < response.getTableNames().size(); i++) {
            tables.add(info(response, i));
        }
    }

    private static TableInfo info(ShowTableResponse response, int i) {
        Type type = new Type(response.getTypeLabels().get(i), response.getTypeSchemas().get(i),
                response.getProperties().get(i));
        return new TableInfo(response.getTableNames().get(i), response.getSizes().get(i),
                type.getColumns().stream().map(Type.Column::getName).toList());
    }

    /** Up to {@code max} rows of {@code table} matching {@code where} (null: all), with the number that match. */
    public Rows rows(String table, String where, long max) {
        Type type = call(() -> Type.fromTable(gpudb, table), table);
        Map<String, String> options = where == null ? Map.of() : Map.of("expression", where);
        GetRecordsResponse<GenericRecord> response = call(() -> gpudb.getRecords(type, table, 0, max, options), table);
        List<String> columns = type.getColumns().stream().map(Type.Column::getName).toList();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (GenericRecord record : response.getData()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                row.put(columns.get(c), record.get(c));
            }
            rows.add(row);
        }
        return new Rows(columns, rows, response.getTotalNumberOfRecords());
    }

    /** A call to Kinetica. */
    private interface Call<T> {
        T run() throws GPUdbException;
    }

    private <T> T call(Call<T> call, String table) {
        try {
            return call.run();
        } catch (GPUdbException e) {
            if (unauthorized(e)) {
                throw new CredentialsRefusedException("Kinetica at " + url + " refused the credentials; check "
                        + "--kinetica-user and its password (--kinetica-password-file, $KCONNECT_KINETICA_PASSWORD)", e);
            }
            if (unreachable(e)) {
                throw new WorkerUnreachableException("Kinetica at " + url + " does not answer (" + firstLine(e)
                        + "); check --kinetica-url (or KCONNECT_KINETICA_URL)", e);
            }
            String message = firstLine(e);
            if (table != null && message.contains("does not exist")) {
                throw new NotFoundException("no table '" + table + "' in Kinetica at " + url
                        + "; see the tables with: kconnect kinetica tables");
            }
            throw new ClusterException("Kinetica at " + url + " answered: " + message, e);
        }
    }

    private static boolean unauthorized(GPUdbException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof GPUdbBase.GPUdbUnauthorizedAccessException
                    || t.getMessage() != null && t.getMessage().contains("Unauthorized")) {
                return true;
            }
        }
        return false;
    }

    private static boolean unreachable(GPUdbException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof GPUdbException g && g.hadConnectionFailure() || t instanceof IOException
                    || t instanceof GPUdbBase.GPUdbExitException || t instanceof GPUdbBase.GPUdbFailoverDisabledException
                    || t instanceof GPUdbBase.GPUdbHAUnavailableException) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        return message.lines().findFirst().orElse("").replaceAll("\\s+", " ");
    }
}

package com.kinetica.kafka.source;

import com.gpudb.GPUdb;
import com.gpudb.GPUdbException;
import com.gpudb.Type;
import com.gpudb.protocol.ShowTableResponse;
import com.kinetica.kafka.config.KineticaSourceConfig;
import org.apache.kafka.connect.errors.ConnectException;

import java.util.Map;

/** Looks up the type of a table that is read, with the message to fix a table that is not there. */
public final class TableTypes {
    private TableTypes() {
    }

    /** A table's type, and the type schema string Kinetica gave for it (its rows carry that string too). */
    public record Described(Type type, String typeSchema) {
    }

    /**
     * @throws ConnectException when the table does not exist
     * @throws GPUdbException   when Kinetica cannot be asked
     */
    public static void checkExists(GPUdb gpudb, String table) throws GPUdbException {
        if (!gpudb.hasTable(table, Map.of()).getTableExists()) {
            throw new ConnectException("Table '" + table + "' does not exist in Kinetica at " + gpudb.getURL()
                    + ": create it, or remove it from " + KineticaSourceConfig.TABLE_NAMES);
        }
    }

    /**
     * @throws ConnectException when Kinetica does not describe the table
     * @throws GPUdbException   when Kinetica cannot be asked
     */
    public static Described describe(GPUdb gpudb, String table) throws GPUdbException {
        ShowTableResponse shown = gpudb.showTable(table, Map.of());
        if (shown.getTypeSchemas().isEmpty()) {
            throw new ConnectException("Kinetica at " + gpudb.getURL() + " did not describe table '" + table + "'");
        }
        String schema = shown.getTypeSchemas().get(0);
        return new Described(new Type(shown.getTypeLabels().get(0), schema, shown.getProperties().get(0)), schema);
    }
}

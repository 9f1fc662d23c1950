package com.kinetica.kafka.e2e;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A real PostgreSQL (zonky's embedded binaries, {@code wal_level=logical} for Debezium) holding
 * one table of many column types, {@code shop.orders}, and the changes the test makes to it.
 * Row values are made from the id and a version, so every update changes every column, and
 * nulls come and go in the nullable ones.
 */
final class ShopOrders implements AutoCloseable {
    static final String TABLE = "shop.orders";
    private static final LocalDateTime EPOCH_OF_ORDERS = LocalDateTime.of(2024, 2, 28, 23, 59, 58, 250_000_000);

    private final EmbeddedPostgres postgres;
    private final Connection sql;

    private ShopOrders(EmbeddedPostgres postgres) throws SQLException {
        this.postgres = postgres;
        this.sql = postgres.getPostgresDatabase().getConnection();
    }

    static ShopOrders start() throws IOException, SQLException {
        ShopOrders orders = new ShopOrders(EmbeddedPostgres.builder()
                .setServerConfig("wal_level", "logical")
                .setServerConfig("max_wal_senders", "4")
                .setServerConfig("max_replication_slots", "4")
                .start());
        try (Statement s = orders.sql.createStatement()) {
            s.execute("CREATE SCHEMA shop");
            s.execute("CREATE TABLE " + TABLE + " ("
                    + "id bigint PRIMARY KEY, item text NOT NULL, qty integer NOT NULL, price double precision, "
                    + "amount numeric(10,2), paid boolean, ordered_at timestamp, due date, note text)");
        }
        return orders;
    }

    int port() {
        return postgres.getPort();
    }

    void insert(long id) throws SQLException {
        write("INSERT INTO " + TABLE + " (item, qty, price, amount, paid, ordered_at, due, note, id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, 0);
    }

    /** Every column of the row changes; {@code version} > 0 tells the versions apart. */
    void update(long id, int version) throws SQLException {
        write("UPDATE " + TABLE + " SET item = ?, qty = ?, price = ?, amount = ?, paid = ?, ordered_at = ?, due = ?, "
                + "note = ? WHERE id = ?", id, version);
    }

    void delete(long id) throws SQLException {
        try (PreparedStatement p = sql.prepareStatement("DELETE FROM " + TABLE + " WHERE id = ?")) {
            p.setLong(1, id);
            check(p.executeUpdate(), id);
        }
    }

    /** An update of the primary key: Debezium writes it as a delete of the old key and a create of the new. */
    void changeKey(long from, long to) throws SQLException {
        try (PreparedStatement p = sql.prepareStatement("UPDATE " + TABLE + " SET id = ? WHERE id = ?")) {
            p.setLong(1, to);
            p.setLong(2, from);
            check(p.executeUpdate(), from);
        }
    }

    private void write(String statement, long id, int version) throws SQLException {
        long n = id + 7L * version;
        try (PreparedStatement p = sql.prepareStatement(statement)) {
            p.setString(1, "item " + id + (version == 0 ? "" : " v" + version) + (n % 4 == 0 ? " é€" : ""));
            p.setInt(2, (int) (n % 9 == 0 ? -n : n * 3));
            nullable(p, 3, n % 7 == 0, Types.DOUBLE, () -> p.setDouble(3, n * 1.25 - 40.5));
            nullable(p, 4, n % 5 == 0, Types.NUMERIC, () -> p.setBigDecimal(4, BigDecimal.valueOf(n * 1005 - 9_000, 2)));
            nullable(p, 5, n % 11 == 0, Types.BOOLEAN, () -> p.setBoolean(5, n % 2 == 0));
            // microseconds, as PostgreSQL keeps them; Connect's Timestamp has milliseconds
            nullable(p, 6, n % 13 == 0, Types.TIMESTAMP, () -> p.setTimestamp(6,
                    Timestamp.valueOf(EPOCH_OF_ORDERS.plusHours(n * 5).plusNanos(n * 1_000_000 + 123_000))));
            nullable(p, 7, n % 6 == 0, Types.DATE, () -> p.setDate(7, Date.valueOf(LocalDate.of(2024, 2, 29).plusDays(n))));
            nullable(p, 8, n % 3 == 0, Types.VARCHAR, () -> p.setString(8, "note " + n));
            p.setLong(9, id);
            check(p.executeUpdate(), id);
        }
    }

    /**
     * The table now, as the sink should have written it into Kinetica: rows by id, each column
     * as the Kinetica column the Connect type maps to holds it (bigint a long, integer an int,
     * double a double, text a string, numeric the decimal's plain text, boolean 1 or 0,
     * timestamp milliseconds since the epoch read as UTC, its microseconds dropped as Debezium
     * drops them for Connect's Timestamp, date {@code YYYY-MM-DD}).
     */
    Map<Long, Map<String, Object>> rows() throws SQLException {
        Map<Long, Map<String, Object>> rows = new TreeMap<>();
        try (Statement s = sql.createStatement(); ResultSet r = s.executeQuery("SELECT * FROM " + TABLE)) {
            ResultSetMetaData meta = r.getMetaData();
            while (r.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnName(i), asKinetica(r.getObject(i)));
                }
                rows.put(r.getLong("id"), row);
            }
        }
        return rows;
    }

    private static Object asKinetica(Object v) {
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof Timestamp t) {
            return t.toLocalDateTime().toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        if (v instanceof Date d) {
            return d.toLocalDate().toString();
        }
        return v;
    }

    @Override
    public void close() throws Exception {
        try {
            sql.close();
        } finally {
            postgres.close();
        }
    }

    private interface Setter {
        void set() throws SQLException;
    }

    private static void nullable(PreparedStatement p, int index, boolean isNull, int sqlType, Setter setter)
            throws SQLException {
        if (isNull) {
            p.setNull(index, sqlType);
        } else {
            setter.set();
        }
    }

    private static void check(int changed, long id) {
        if (changed != 1) {
            throw new IllegalStateException(changed + " rows changed for id " + id + ", expected 1");
        }
    }
}

package dev.kconnect.cli;

import com.gpudb.ColumnProperty;
import com.gpudb.GPUdb;
import com.gpudb.GPUdbBase;
import com.gpudb.GenericRecord;
import com.gpudb.Type;
import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.live.Cli;
import dev.kconnect.cli.live.Cli.Result;
import dev.kconnect.sandbox.kinetica.KineticaEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code kinetica tables} and {@code kinetica rows} through gpudb-api against the emulator, one
 * without authentication holding a table of three orders, one that requires a user and password.
 */
class KineticaCommandsTest {

    static KineticaEmulator open;
    static KineticaEmulator locked;

    @TempDir
    static Path dir;

    @BeforeAll
    static void emulators() throws Exception {
        open = KineticaEmulator.start(0);
        locked = KineticaEmulator.builder().port(0).credentials("admin", "s3cret").start();
        GPUdb gpudb = open.client();
        Type type = new Type(
                new Type.Column("id", Long.class, ColumnProperty.PRIMARY_KEY),
                new Type.Column("product", String.class, ColumnProperty.CHAR16),
                new Type.Column("quantity", Integer.class),
                new Type.Column("note", String.class, ColumnProperty.NULLABLE));
        gpudb.createTable("orders", type.create(gpudb), GPUdbBase.options());
        List<GenericRecord> rows = new ArrayList<>();
        String[][] values = {{"1", "tea", "2", "gift"}, {"2", "cake", "1", null}, {"3", "scones", "6", null}};
        for (String[] v : values) {
            GenericRecord row = new GenericRecord(type);
            row.put("id", Long.parseLong(v[0]));
            row.put("product", v[1]);
            row.put("quantity", Integer.parseInt(v[2]));
            row.put("note", v[3]);
            rows.add(row);
        }
        gpudb.insertRecords("orders", rows, GPUdbBase.options());
    }

    @AfterAll
    static void stop() {
        open.close();
        locked.close();
    }

    private static Result kinetica(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "kinetica";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--kinetica-url";
        all[args.length + 2] = open.url();
        return Cli.runRaw(all);
    }

    @Test
    void tablesListsEachWithItsRowsAndColumns() {
        Result r = kinetica("tables");
        assertEquals(0, r.code(), r::toString);
        assertEquals("""
                TABLE           ROWS  COLUMNS
                ki_home.orders  3     id, product, quantity, note
                """, r.out());
        assertEquals("[{\"name\":\"ki_home.orders\",\"rows\":3,\"columns\":[\"id\",\"product\",\"quantity\",\"note\"]}]\n",
                kinetica("tables", "-o", "json").out());
    }

    @Test
    void rowsAsATableFilteredCountedAndAsJsonLines() {
        Result all = kinetica("rows", "orders");
        assertEquals(0, all.code(), all::toString);
        assertEquals("""
                id  product  quantity  note
                1   tea      2         gift
                2   cake     1         null
                3   scones   6         null
                """, all.out());
        assertEquals("""
                {"id":1,"product":"tea","quantity":2,"note":"gift"}
                {"id":3,"product":"scones","quantity":6,"note":null}
                """, kinetica("rows", "orders", "--where", "quantity > 1", "-o", "json").out());
        assertEquals("2\n", kinetica("rows", "orders", "--where", "quantity > 1", "--count").out());
        assertEquals("""
                id  product  quantity  note
                1   tea      2         gift
                (1 of 3 rows; --max N shows more)
                """, kinetica("rows", "orders", "--max", "1").out());
    }

    @Test
    void aMissingTableExits3() {
        Result r = kinetica("rows", "nope");
        assertEquals(ExitCode.NOT_FOUND, r.code(), r::toString);
        assertEquals("kconnect: no table 'nope' in Kinetica at " + open.url()
                + "; see the tables with: kconnect kinetica tables\n", r.err());
    }

    @Test
    void credentialsFromAFileAreSentAndAWrongPasswordExits7() throws Exception {
        Path right = Files.writeString(dir.resolve("right"), "s3cret\n");
        Path wrong = Files.writeString(dir.resolve("wrong"), "guess\n");
        Result ok = Cli.runRaw("kinetica", "tables", "--kinetica-url", locked.url(), "--kinetica-user", "admin",
                "--kinetica-password-file", right.toString());
        assertEquals(0, ok.code(), ok::toString);
        assertEquals("no tables\n", ok.out());
        Result refused = Cli.runRaw("kinetica", "tables", "--kinetica-url", locked.url(), "--kinetica-user", "admin",
                "--kinetica-password-file", wrong.toString());
        assertEquals(ExitCode.UNAUTHORIZED, refused.code(), refused::toString);
        assertEquals("kconnect: Kinetica at " + locked.url() + " refused the credentials; check --kinetica-user and its "
                + "password (--kinetica-password-file, $KCONNECT_KINETICA_PASSWORD)\n", refused.err());
    }

    @Test
    void nothingListeningExits4() {
        Result r = Cli.runRaw("kinetica", "tables", "--kinetica-url", "http://127.0.0.1:9");
        assertEquals(ExitCode.UNREACHABLE, r.code(), r::toString);
        assertEquals(true, r.err().startsWith("kconnect: Kinetica at http://127.0.0.1:9 does not answer ("), r::toString);
    }
}

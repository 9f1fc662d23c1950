package dev.kconnect.sandbox.kinetica.filter;

import dev.kconnect.sandbox.kinetica.store.BaseType;
import dev.kconnect.sandbox.kinetica.store.Column;
import dev.kconnect.sandbox.kinetica.store.KineticaError;
import dev.kconnect.sandbox.kinetica.store.TableType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FiltersTest {
    static final TableType TYPE = new TableType("t", List.of(
            new Column("id", BaseType.LONG, false, List.of("primary_key")),
            new Column("name", BaseType.STRING, true, List.of("nullable")),
            new Column("price", BaseType.DOUBLE, false, List.of()),
            new Column("ts", BaseType.LONG, false, List.of("timestamp")),
            new Column("and_more", BaseType.INT, false, List.of())));

    /** id 1..5; names a, b, null, d, e'x; prices 0.5 .. 2.5; ts one day apart from 2024-01-01. */
    static final List<Object[]> ROWS = List.of(
            new Object[] {1L, "a", 0.5, 1704067200000L, 10},
            new Object[] {2L, "b", 1.0, 1704153600000L, 20},
            new Object[] {3L, null, 1.5, 1704240000000L, 30},
            new Object[] {4L, "d", 2.0, 1704326400000L, 40},
            new Object[] {5L, "e'x", 2.5, 1704412800000L, 50});

    static String ids(String expression) {
        Predicate<Object[]> filter = Filters.parse(expression, TYPE).test();
        List<String> ids = new ArrayList<>();
        for (Object[] row : ROWS) {
            if (filter.test(row)) {
                ids.add(String.valueOf(row[0]));
            }
        }
        return String.join(" ", ids);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = ';', value = {
            "id > 3 ; 4 5",
            "id >= 3 ; 3 4 5",
            "id < 2 ; 1",
            "id <= 2 ; 1 2",
            "id = 2 ; 2",
            "id == 2 ; 2",
            "id != 2 AND id <> 4 ; 1 3 5",
            "name > 'a' ; 2 4 5",
            "name = 'e''x' ; 5",
            "name is null ; 3",
            "name IS NOT NULL and id > 3 ; 4 5",
            "not (id > 1 and id < 5) ; 1 5",
            "!(id > 1) || id = 5 ; 1 5",
            "id > 1 && id < 3 ; 2",
            "(id = 1 or id = 2) and price > 0.6 ; 2",
            "id = 1 or id = 2 and price > 0.6 ; 1 2",
            "price >= 1.5 ; 3 4 5",
            "price > 1 ; 3 4 5",
            "id > -1 and price < +1.0 ; 1",
            "id > '3' ; 4 5",
            "ts >= '2024-01-03' ; 3 4 5",
            "ts > '2024-01-02 00:00:00' ; 3 4 5",
            "ts > 1704240000000 ; 4 5",
            "id in (1, 3, 9) ; 1 3",
            "id not in (1, 3) ; 2 4 5",
            "id between 2 and 4 ; 2 3 4",
            "name like 'e%' ; 5",
            "\"and_more\" >= 40 ; 4 5",
            "and_more < 20 ; 1",
            "name = 'nobody' ; ''",
            "'' ; 1 2 3 4 5",
    })
    void selects(String expression, String expected) {
        assertEquals(expected, ids(expression));
    }

    @ParameterizedTest
    @ValueSource(strings = {"id >", "id >> 3", "id = 1 and", "(id = 1", "id = 1)", "nope = 1", "id = 'open",
            "id", "id = 1 id = 2", "id ~ 3", "and id = 1", "name like 3", "id = 1 or or id = 2", "12abc = id"})
    void rejectsWhatItCannotParse(String expression) {
        KineticaError e = assertThrows(KineticaError.class, () -> Filters.parse(expression, TYPE));
        assertTrue(e.getMessage().startsWith("Invalid filter expression '" + expression + "'"), e.getMessage());
    }

    @Test
    void knowsTheColumnsItReads() {
        assertEquals("{0, 1, 4}", Filters.parse("id > 1 and (name is null or \"and_more\" = 3)", TYPE).columns().toString());
        assertTrue(Filters.parse("", TYPE).columns().isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "id = 3 ; 3", "(3 == id) ; 3", "id = 3 and price > 1 ; ", "id = 3 or id = 4 ; ", "not id = 3 ; ",
            "id = 3 and id = 3 ; ", "id = '3' ; ", "name = 'a' ; ", "id > 3 ; ", "id = null ; "})
    void recognizesPrimaryKeyLookups(String expression, Long key) {
        assertEquals(key, Filters.parse(expression, TYPE).key());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = ';', value = {
            "id > 3 ; id ; (3,) ; (3,)",
            "id >= 3 and id < 10 ; id ; [3,10) ; [3,10)",
            "ts = '2024-01-03' ; ts ; [1704240000000,1704240000000] ; [1704240000000,1704240000000]",
            "(ts > 5) or (ts = 5 and id > 7) ; ts ; [5,) ; (5,)",
            "(ts > 5) or (ts = 5 and id > 7) ; id ; - ; -",
            "ts = 5 and id > 7 ; id ; (7,) ; -",
            "ts = 5 and id > 7 ; ts ; [5,5] ; -",
            "id = 1 or name = 'a' ; id ; - ; [1,1]",
            "id > 3 or id > 5 ; id ; (3,) ; (3,)",
            "id <= 2 or id = 7 ; id ; (,7] ; (,2]",
            "name > 'a' ; name ; (a,) ; (a,)",
            "price > 1 ; price ; (1,) ; (1,)",
            "not id > 3 ; id ; - ; -",
            "id in (1, 2) ; id ; - ; -",
            "id > '3' ; id ; - ; -",
            "name > 3 ; name ; - ; -",
            "id > null ; id ; - ; -",
            "'' ; id ; - ; -"})
    void knowsTheRangesOfAColumn(String expression, String column, String within, String accepting) {
        Filter filter = Filters.parse(expression, TYPE);
        int position = TYPE.position(column);
        assertEquals(within, format(filter.within().get(position)), "within");
        assertEquals(accepting, format(filter.accepting().get(position)), "accepting");
    }

    private static String format(Range range) {
        if (range == null) {
            return "-";
        }
        return (range.lowIncluded() ? "[" : "(") + (range.low() == null ? "" : range.low()) + ","
                + (range.high() == null ? "" : range.high()) + (range.highIncluded() ? "]" : ")");
    }

    @ParameterizedTest
    @ValueSource(strings = {"name > 3", "price = 'cheap'"})
    void refusesComparisonsOfIncompatibleValues(String expression) {
        Predicate<Object[]> filter = Filters.parse(expression, TYPE).test();
        assertThrows(KineticaError.class, () -> ROWS.forEach(filter::test));
    }
}

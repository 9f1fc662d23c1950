package dev.kconnect.cli.output;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TableTest {

    private static String print(Table table, Style style) {
        StringWriter out = new StringWriter();
        table.print(new PrintWriter(out), style);
        return out.toString();
    }

    @Test
    void alignsOnPlainText() {
        Table t = new Table("NAME", "STATE").states(1).row("a-long-name", "RUNNING").row("b", "FAILED");
        assertEquals("NAME         STATE\na-long-name  RUNNING\nb            FAILED\n", print(t, Style.PLAIN));
    }

    @Test
    void coloursStatesWithoutShiftingColumns() {
        Table t = new Table("STATE", "X").states(0).row("FAILED", "1").row("RUNNING", "2");
        String coloured = print(t, Style.COLOURED);
        assertEquals(print(t, Style.PLAIN), coloured.replaceAll("\u001b\\[[0-9;]*m", ""));
        assertEquals("\u001b[1;31mFAILED\u001b[0m   1", coloured.lines().skip(1).findFirst().orElseThrow());
    }

    @Test
    void secretsAreMasked() {
        assertEquals(Secrets.MASK, Secrets.mask("kinetica.password", "p"));
        assertEquals(Secrets.MASK, Secrets.mask("ssl.key.secret", "p"));
        assertEquals("${file:/s.properties:pw}", Secrets.mask("kinetica.password", "${file:/s.properties:pw}"));
        assertEquals("", Secrets.mask("kinetica.password", ""));
        assertEquals("x", Secrets.mask("kinetica.url", "x"));
    }
}

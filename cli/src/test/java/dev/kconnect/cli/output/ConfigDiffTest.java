package dev.kconnect.cli.output;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigDiffTest {

    @Test
    void oneLinePerKeyWithSecretsMasked() {
        ConfigDiff diff = new ConfigDiff(
                Map.of("name", "c", "a", "1", "gone", "x", "api.key", "k-old", "db.password", "p-old", "ref", "${file:/s:k}"),
                Map.of("name", "c", "a", "2", "added", "line1\nline2", "api.key", "k-new", "ref", "${file:/s:k2}"),
                Set.of("api.key"));
        assertFalse(diff.isEmpty());
        String shown = print(diff, Style.PLAIN);
        assertEquals("""
                ~ connector 'c'
                  ~ a: 1 -> 2
                  + added = line1\\nline2
                  ~ api.key: ******** -> ********
                  - db.password = ********
                  - gone = x
                  ~ ref: ${file:/s:k} -> ${file:/s:k2}
                """, shown, "PASSWORD type and name heuristic both mask; provider references are no secrets");
    }

    @Test
    void newAndUnchanged() {
        ConfigDiff created = new ConfigDiff(null, Map.of("name", "n"), Set.of());
        assertTrue(created.isNew());
        assertEquals("+ connector 'n' (new)\n  + name = n\n", print(created, Style.PLAIN));
        assertTrue(new ConfigDiff(Map.of("a", "1"), Map.of("a", "1"), Set.of()).isEmpty());
    }

    @Test
    void coloursOnlyWhenAsked() {
        ConfigDiff diff = new ConfigDiff(Map.of("name", "c", "a", "1"), Map.of("name", "c", "a", "2"), Set.of());
        assertTrue(print(diff, Style.COLOURED).contains("\u001b[33m  ~ a: 1 -> 2\u001b[0m"));
        assertFalse(print(diff, Style.PLAIN).contains("\u001b"));
    }

    private static String print(ConfigDiff diff, Style style) {
        StringWriter text = new StringWriter();
        diff.print(diff.wanted().get("name") == null ? "c" : diff.wanted().get("name"), new PrintWriter(text, true), style);
        return text.toString();
    }
}

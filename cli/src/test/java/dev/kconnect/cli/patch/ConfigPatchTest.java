package dev.kconnect.cli.patch;

import dev.kconnect.cli.input.BadInputException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The merge of a patch before Connect 3.8: a value shown masked is never written back. */
class ConfigPatchTest {

    @Test
    void aMaskedValueIsNeverWrittenBack() {
        ConfigPatch patch = ConfigPatch.parse(List.of("tasks.max=2"), List.of());
        Map<String, String> live = Map.of("name", "x", "tasks.max", "1", "db.password", "[hidden]", "token", "********");
        BadInputException e = assertThrows(BadInputException.class, () -> patch.mergeForPut(live));
        assertEquals("the worker shows db.password, token masked; before Connect 3.8 a patch writes the whole config back, "
                + "which would replace the secret with the mask: give db.password=VALUE too (or a ${file:…} reference), "
                + "or use a 3.8+ worker", e.getMessage());
        ConfigPatch both = ConfigPatch.parse(List.of("db.password=new", "token=${file:/s:token}"), List.of());
        assertEquals(Map.of("name", "x", "tasks.max", "1", "db.password", "new", "token", "${file:/s:token}"),
                both.mergeForPut(live));
    }

    @Test
    void theBodyRemovesWithNull() {
        ConfigPatch patch = ConfigPatch.parse(List.of("a=1", "b="), List.of("c"));
        Map<String, String> body = patch.body();
        assertEquals("1", body.get("a"));
        assertEquals("", body.get("b"));
        assertEquals(true, body.containsKey("c") && body.get("c") == null);
    }

    @Test
    void badPairsAreRefused() {
        assertThrows(BadInputException.class, () -> ConfigPatch.parse(List.of("novalue"), List.of()));
        assertThrows(BadInputException.class, () -> ConfigPatch.parse(List.of("a=1", "a=2"), List.of()));
        assertThrows(BadInputException.class, () -> ConfigPatch.parse(List.of("a=1"), List.of("a")));
        assertThrows(BadInputException.class, () -> ConfigPatch.parse(List.of(), List.of()));
        assertThrows(BadInputException.class, () -> ConfigPatch.parse(List.of(), List.of("connector.class")));
    }
}

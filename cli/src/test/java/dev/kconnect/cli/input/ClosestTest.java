package dev.kconnect.cli.input;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClosestTest {

    static final List<String> COMMANDS = List.of("list", "get", "status", "stop", "restart", "standalone", "plugins");

    @Test
    void nearestByEditsWithASwapCountingOne() {
        assertEquals(List.of("list"), Closest.to("lst", COMMANDS));
        assertEquals(List.of("status"), Closest.to("stauts", COMMANDS));
        assertEquals(List.of("plugins"), Closest.to("PLUGIN", COMMANDS));
    }

    @Test
    void nothingWhenNothingIsClose() {
        assertEquals(List.of(), Closest.to("xyz", COMMANDS));
        assertEquals(List.of(), Closest.to("deploy", COMMANDS));
    }
}

package dev.kconnect.cli;

import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.live.Cli;
import dev.kconnect.cli.live.Cli.Result;
import dev.kconnect.cli.live.LiveWorker;
import dev.kconnect.cli.live.Rest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** plugins and validate against a real worker with the test plugins and the bundled Kinetica plugin. */
@ExtendWith(LiveWorker.class)
class PluginsAndValidateTest {

    static final String TICKS = "dev.kconnect.cli.testplugins.TickSourceConnector";

    @Test
    void listsConnectorPlugins() {
        Result r = Cli.run("plugins");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().lines().anyMatch(l -> l.matches(TICKS.replace(".", "\\.") + "\\s+source\\s+1\\.0-test")), r::toString);
        assertTrue(r.out().contains("com.kinetica.kafka.KineticaSinkConnector"), "the bundled plugin: " + r);
        assertFalse(r.out().contains("org.apache.kafka.connect.json.JsonConverter"), r::toString);
        assertTrue(Cli.run("plugins", "--all", "-o", "name").out().lines()
                .anyMatch("org.apache.kafka.connect.json.JsonConverter"::equals));
        assertEquals(Rest.get("/connector-plugins") + "\n", Cli.run("plugins", "-o", "json").out());
    }

    @Test
    void showsThePluginsOptions() {
        Result r = Cli.run("plugins", TICKS);
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().lines().anyMatch(l -> l.matches("topic\\s+STRING\\s+ticks\\s+HIGH\\s+Topic to write the ticks to\\.")), r::toString);
        assertTrue(r.out().lines().anyMatch(l -> l.matches("secret\\.password\\s+PASSWORD\\s+.*")), r::toString);

        Result kinetica = Cli.run("plugins", "com.kinetica.kafka.KineticaSourceConnector", "-o", "name");
        assertEquals(0, kinetica.code(), kinetica::toString);
        assertTrue(kinetica.out().lines().anyMatch("kinetica.url"::equals), kinetica::toString);
    }

    @Test
    void unknownPluginListsTheKnownOnes() {
        Result r = Cli.run("plugins", "com.example.Nope");
        assertEquals(ExitCode.NOT_FOUND, r.code(), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(r.err().startsWith("kconnect: no plugin 'com.example.Nope' on this worker; its connectors: "), r::toString);
        assertTrue(r.err().contains(TICKS), r::toString);
    }

    @Test
    void validConfig() {
        Result r = Cli.runWithStdin("name=v\nconnector.class=" + TICKS + "\ntopic=t\n", "validate", "--file", "-");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("stdin: valid for " + TICKS), r::toString);
        assertFalse(Rest.get("/connectors").contains("\"v\""), "validate creates nothing");
    }

    @Test
    void invalidConfigListsErrorsPerKeyAndExitsTwo() {
        Result r = Cli.runWithStdin("name=v\nconnector.class=" + TICKS + "\nfail=maybe\ntasks.max=zero\n",
                "validate", "--file", "-");
        assertEquals(ExitCode.USAGE, r.code(), r::toString);
        assertTrue(r.out().lines().anyMatch(l -> l.matches("fail\\s+Invalid value maybe .*")), r::toString);
        assertTrue(r.out().lines().anyMatch(l -> l.matches("tasks\\.max\\s+Invalid value zero .*")), r::toString);
        long rows = r.out().lines().count() - 1;
        assertEquals("kconnect: stdin: " + rows + " error(s) in the config, listed above\n", r.err());

        Result names = Cli.runWithStdin("name=v\nconnector.class=" + TICKS + "\nfail=maybe\n", "validate", "-f", "-", "-o", "name");
        assertEquals("fail\n", names.out());
    }

    @Test
    void validateNeedsAConnectorClass() {
        Result r = Cli.runWithStdin("name=v\n", "validate", "--file", "-");
        assertEquals(ExitCode.USAGE, r.code(), r::toString);
        assertTrue(r.err().contains("no \"connector.class\""), r::toString);
    }
}

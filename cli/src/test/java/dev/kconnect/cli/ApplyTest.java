package dev.kconnect.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.live.Cli;
import dev.kconnect.cli.live.Cli.Result;
import dev.kconnect.cli.live.LiveWorker;
import dev.kconnect.cli.live.Rest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** apply and diff against a real worker. */
@ExtendWith(LiveWorker.class)
class ApplyTest {

    static final String TICKS = "dev.kconnect.cli.testplugins.TickSourceConnector";

    @TempDir
    Path dir;

    @Test
    void createsThenLeavesUnchangedThenUpdatesShowingAMaskedDiff() throws IOException {
        writeJson("apply-a", "apply-a", "old-password-1", "old-phrase-1");
        Files.writeString(dir.resolve("b.properties"), """
                name=apply-b
                connector.class=%s
                tasks.max=1
                topic=apply-b
                """.formatted(TICKS));
        Files.writeString(dir.resolve("notes.txt"), "not a connector");

        Result created = Cli.run("apply", "-f", dir.toString(), "--wait", "--settle", "1");
        assertEquals(0, created.code(), created::toString);
        assertTrue(created.out().contains("+ connector 'apply-a' (new)"), created::toString);
        assertTrue(created.out().contains("connector 'apply-a' created\n"), created::toString);
        assertTrue(created.out().contains("connector 'apply-b' created\n"), created::toString);
        assertTrue(created.out().contains("connector 'apply-a' is RUNNING"), created::toString);
        assertTrue(created.out().endsWith("2 created, 0 updated, 0 unchanged\n")
                || created.out().contains("2 created, 0 updated, 0 unchanged\n"), created::toString);
        assertTrue(created.out().contains("  + secret.password = ********\n"), created::toString);
        assertTrue(created.out().contains("  + auth.phrase = ********\n"), "PASSWORD type from the plugin: " + created);
        assertNoSecrets(created, "old-password-1", "old-phrase-1");
        assertEquals("old-password-1", Rest.json("/connectors/apply-a/config").path("secret.password").asText());
        assertEquals("apply-b", Rest.json("/connectors/apply-b/config").path("topic").asText());

        Result again = Cli.run("apply", "-f", dir.toString());
        assertEquals(0, again.code(), again::toString);
        assertEquals("""
                connector 'apply-a' unchanged
                connector 'apply-b' unchanged
                0 created, 0 updated, 2 unchanged
                """, again.out());

        Result same = Cli.run("diff", "-f", dir.toString());
        assertEquals(0, same.code(), same::toString);
        assertEquals("", same.out());

        writeJson("apply-a", "apply-a2", "new-password-2", "old-phrase-1");
        Result diff = Cli.run("diff", "-f", dir.toString());
        assertEquals(1, diff.code(), "like diff(1): 1 when there are differences; " + diff);
        assertEquals("""
                ~ connector 'apply-a'
                  ~ secret.password: ******** -> ********
                  ~ topic: apply-a -> apply-a2
                """, diff.out());
        assertNoSecrets(diff, "old-password-1", "new-password-2", "old-phrase-1");

        Result json = Cli.run("diff", "-f", dir.toString(), "-o", "json");
        assertEquals(1, json.code(), json::toString);
        JsonNode entries = new ObjectMapper().readTree(json.out());
        assertEquals(2, entries.size(), json::toString);
        JsonNode a = entries.get(0);
        assertEquals("apply-a", a.path("connector").asText());
        assertEquals(dir.resolve("a.json").toString(), a.path("source").asText());
        assertEquals("update", a.path("action").asText());
        assertEquals("[{\"key\":\"secret.password\",\"before\":\"********\",\"after\":\"********\"},"
                + "{\"key\":\"topic\",\"before\":\"apply-a\",\"after\":\"apply-a2\"}]", a.path("changes").toString());
        assertEquals("none", entries.get(1).path("action").asText());
        assertEquals(0, entries.get(1).path("changes").size());
        assertNoSecrets(json, "old-password-1", "new-password-2", "old-phrase-1");
        Result names = Cli.run("diff", "-f", dir.toString(), "-o", "name");
        assertEquals("apply-a\n", names.out(), names::toString);

        Result updated = Cli.run("apply", "-f", dir.resolve("a.json").toString(), "-f", dir.resolve("b.properties").toString());
        assertEquals(0, updated.code(), updated::toString);
        assertTrue(updated.out().startsWith(diff.out()), "the diff comes first: " + updated);
        assertTrue(updated.out().endsWith("""
                connector 'apply-a' updated
                connector 'apply-b' unchanged
                0 created, 1 updated, 1 unchanged
                """), updated::toString);
        assertNoSecrets(updated, "old-password-1", "new-password-2", "old-phrase-1");
        assertEquals("apply-a2", Rest.json("/connectors/apply-a/config").path("topic").asText());
        assertEquals("new-password-2", Rest.json("/connectors/apply-a/config").path("secret.password").asText());

        assertEquals(0, Cli.run("delete", "apply-a").code());
        assertEquals(0, Cli.run("delete", "apply-b").code());
    }

    @Test
    void dryRunListsErrorsPerKeyAndChangesNothing() throws IOException {
        Files.writeString(dir.resolve("good.properties"), "name=dry-good\nconnector.class=" + TICKS + "\ntopic=dry\n");
        Files.writeString(dir.resolve("bad.properties"), "name=dry-bad\nconnector.class=" + TICKS + "\nfail=maybe\n");

        Result r = Cli.run("apply", "-f", dir.toString(), "--dry-run");
        assertEquals(ExitCode.USAGE, r.code(), r::toString);
        assertTrue(r.out().lines().anyMatch(l -> l.matches("fail\\s+Invalid value maybe .*")), r::toString);
        assertTrue(r.out().contains("connector 'dry-bad' invalid (" + dir.resolve("bad.properties") + ": 1 error(s))"), r::toString);
        assertTrue(r.out().contains("connector 'dry-good' would be created (dry run)"), r::toString);
        assertTrue(r.out().contains("dry run, nothing changed: 1 to create, 0 to update, 0 unchanged, 1 invalid"), r::toString);
        assertTrue(r.err().contains("1 connector(s) invalid"), r::toString);
        String connectors = Rest.get("/connectors");
        assertFalse(connectors.contains("dry-good") || connectors.contains("dry-bad"), "nothing created: " + connectors);

        Result json = Cli.run("apply", "-f", dir.toString(), "--dry-run", "-o", "json");
        assertEquals(ExitCode.USAGE, json.code(), json::toString);
        JsonNode entries = new ObjectMapper().readTree(json.out());
        assertEquals("dry-bad", entries.get(0).path("connector").asText(), json::toString);
        assertEquals("invalid", entries.get(0).path("outcome").asText(), json::toString);
        assertTrue(entries.get(0).path("errors").get(0).asText().startsWith("fail: Invalid value maybe"), json::toString);
        assertEquals("dry-good", entries.get(1).path("connector").asText(), json::toString);
        assertEquals("create", entries.get(1).path("outcome").asText(), json::toString);
        assertEquals(0, entries.get(1).path("errors").size(), json::toString);
        Result names = Cli.run("apply", "-f", dir.resolve("good.properties").toString(), "--dry-run", "-o", "name");
        assertEquals("dry-good\n", names.out(), names::toString);

        Result diff = Cli.run("diff", "-f", dir.resolve("good.properties").toString());
        assertEquals(1, diff.code(), diff::toString);
        assertTrue(diff.out().startsWith("+ connector 'dry-good' (new)\n  + connector.class = " + TICKS), diff::toString);
        Result yaml = Cli.run("diff", "-f", dir.resolve("good.properties").toString(), "-o", "yaml");
        assertEquals(1, yaml.code(), yaml::toString);
        assertTrue(yaml.out().startsWith("- connector: dry-good\n"), yaml::toString);
        assertTrue(yaml.out().contains("  action: create\n"), yaml::toString);
        assertTrue(yaml.out().contains("  - key: topic\n    before: null\n    after: dry\n"), yaml::toString);
    }

    @Test
    void applyWithoutDryRunSendsTheValidAndNotTheInvalid() throws IOException {
        Files.writeString(dir.resolve("bad.properties"), "name=wet-bad\nconnector.class=" + TICKS + "\nfail=maybe\n");
        Files.writeString(dir.resolve("good.properties"), "name=wet-good\nconnector.class=" + TICKS + "\ntopic=wet\n");

        Result r = Cli.run("apply", "-f", dir.toString());
        assertEquals(ExitCode.USAGE, r.code(), r::toString);
        assertTrue(r.out().contains("connector 'wet-bad' invalid (" + dir.resolve("bad.properties") + ": 1 error(s)), not sent"), r::toString);
        assertTrue(r.out().contains("connector 'wet-good' created"), r::toString);
        String connectors = Rest.get("/connectors");
        assertFalse(connectors.contains("wet-bad"), connectors);
        assertTrue(connectors.contains("wet-good"), connectors);
        assertEquals(0, Cli.run("delete", "wet-good").code());
    }

    @Test
    void twoFilesNamingOneConnectorAreRefusedBeforeAnythingChanges() throws IOException {
        Files.writeString(dir.resolve("one.properties"), "name=twice\nconnector.class=" + TICKS + "\n");
        Files.writeString(dir.resolve("two.json"), "{\"name\": \"twice\", \"connector.class\": \"" + TICKS + "\"}");
        Result r = Cli.run("apply", "-f", dir.toString());
        assertEquals(ExitCode.USAGE, r.code(), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(r.err().contains("both define connector 'twice'"), r::toString);
        assertFalse(Rest.get("/connectors").contains("twice"));

        Path empty = Files.createDirectory(dir.resolve("empty"));
        Result none = Cli.run("diff", "-f", empty.toString());
        assertEquals(ExitCode.USAGE, none.code(), none::toString);
        assertTrue(none.err().contains("no *.json or *.properties files"), none::toString);
    }

    @Test
    void anUnknownPluginIsInvalidAndAMissingClassIsRefused() throws IOException {
        Files.writeString(dir.resolve("nope.properties"), "name=nope\nconnector.class=com.example.Nope\n");
        Result r = Cli.run("apply", "-f", dir.toString());
        assertEquals(ExitCode.USAGE, r.code(), r::toString);
        assertTrue(r.out().contains("connector 'nope' invalid (" + dir.resolve("nope.properties")
                + ": connector.class 'com.example.Nope' is not a connector plugin of this worker"), r::toString);
        assertFalse(Rest.get("/connectors").contains("nope"));

        Result noClass = Cli.runWithStdin("name=classless\ntopic=t\n", "apply", "-f", "-");
        assertEquals(ExitCode.USAGE, noClass.code(), noClass::toString);
        assertEquals("kconnect: stdin: no \"connector.class\"; add the plugin's class name (see: kconnect plugins)\n",
                noClass.err());
    }

    private void writeJson(String name, String topic, String password, String phrase) throws IOException {
        Files.writeString(dir.resolve("a.json"), """
                {"name": "%s", "config": {"connector.class": "%s", "tasks.max": "1", "topic": "%s",
                 "secret.password": "%s", "auth.phrase": "%s"}}""".formatted(name, TICKS, topic, password, phrase));
    }

    private static void assertNoSecrets(Result r, String... secrets) {
        for (String secret : secrets) {
            assertFalse(r.out().contains(secret) || r.err().contains(secret), "'" + secret + "' shown: " + r);
        }
    }
}

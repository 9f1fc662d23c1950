package dev.kconnect.cli;

import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.live.Cli;
import dev.kconnect.cli.live.Cli.Result;
import dev.kconnect.cli.live.LiveWorker;
import dev.kconnect.cli.live.Rest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A PASSWORD-type option (known from the worker's definition of the plugin) holding a literal: one
 * warning line per connector and option from create, put, validate and apply, the value never shown;
 * --strict-secrets exits 2 with nothing changed. A ${...} provider reference is no literal.
 */
@ExtendWith(LiveWorker.class)
class SecretsWarningTest {
    static final String TICKS = "dev.kconnect.cli.testplugins.TickSourceConnector";
    static final String SECRET = "hunter2-literal";

    @TempDir
    Path dir;

    /** secret.password and auth.phrase are the plugin's PASSWORD options; auth.phrase's name hides that. */
    private static String connector(String name, String password, String phrase) {
        return """
                {"name": "%s", "config": {"connector.class": "%s", "tasks.max": "1", "topic": "%s",
                 "secret.password": "%s", "auth.phrase": "%s"}}""".formatted(name, TICKS, name, password, phrase);
    }

    static String warning(String connector, String key) {
        return "kconnect: warning: connector '" + connector + "': " + key + " holds a literal secret, which Connect stores "
                + "in clear and shows to anyone who can read the config; use a reference such as "
                + "${file:/etc/kconnect/secrets.properties:" + key + "} (see the README, \"Secrets in connector configs\")\n";
    }

    @Test
    void createAndPutWarnOncePerLiteralAndNeverShowIt() {
        Result created = Cli.runWithStdin(connector("sec-create", SECRET, "${env:TICK_PHRASE}"), "create", "-f", "-");
        assertEquals(0, created.code(), created::toString);
        assertEquals(warning("sec-create", "secret.password"), created.err());
        assertEquals("created connector 'sec-create'\n", created.out());

        Result put = Cli.runWithStdin(connector("sec-create", SECRET, SECRET), "put", "sec-create", "-f", "-");
        assertEquals(0, put.code(), put::toString);
        assertEquals(warning("sec-create", "auth.phrase") + warning("sec-create", "secret.password"), put.err());

        Result references = Cli.runWithStdin(connector("sec-create", "${file:/etc/kconnect/s.properties:pw}", ""),
                "put", "sec-create", "-f", "-", "--strict-secrets");
        assertEquals(0, references.code(), references::toString);
        assertEquals("", references.err(), "references and an empty value are no literals");
        for (Result r : new Result[] {created, put}) {
            assertFalse(r.out().contains(SECRET) || r.err().contains(SECRET), r::toString);
        }
        assertEquals(0, Cli.run("delete", "sec-create", "--yes").code());
    }

    @Test
    void strictSecretsRefusesBeforeAnythingChanges() throws Exception {
        Result create = Cli.runWithStdin(connector("sec-strict", SECRET, ""), "create", "-f", "-", "--strict-secrets");
        assertEquals(ExitCode.USAGE, create.code(), create::toString);
        assertEquals("kconnect: connector 'sec-strict': secret.password holds a literal secret, which Connect stores in "
                + "clear and shows to anyone who can read the config; use a reference such as "
                + "${file:/etc/kconnect/secrets.properties:secret.password} (see the README, \"Secrets in connector configs\")\n"
                + "kconnect: 1 literal secret(s), listed above, and --strict-secrets: nothing was changed; put each behind "
                + "${file:PATH:KEY}, ${env:VAR} or ${directory:DIR:FILE}\n", create.err());
        assertEquals("", create.out());
        assertFalse(Rest.get("/connectors").contains("\"sec-strict\""), "nothing was created");

        Result put = Cli.runWithStdin(connector("sec-strict", SECRET, ""), "put", "sec-strict", "-f", "-", "--strict-secrets");
        assertEquals(ExitCode.USAGE, put.code(), put::toString);
        assertFalse(Rest.get("/connectors").contains("\"sec-strict\""), "nothing was created");

        Files.writeString(dir.resolve("a.json"), connector("sec-apply-a", "${env:A}", ""));
        Files.writeString(dir.resolve("b.json"), connector("sec-apply-b", SECRET, SECRET));
        Result apply = Cli.run("apply", "-f", dir.toString(), "--strict-secrets");
        assertEquals(ExitCode.USAGE, apply.code(), apply::toString);
        assertEquals(3, apply.err().lines().count(), apply::toString);
        assertTrue(apply.err().startsWith("kconnect: connector 'sec-apply-b': auth.phrase holds a literal secret"), apply::toString);
        assertTrue(apply.err().contains("kconnect: 2 literal secret(s), listed above, and --strict-secrets"), apply::toString);
        assertFalse(Rest.get("/connectors").contains("\"sec-apply-a\""), "the valid one was not created either");

        Result dryRun = Cli.run("apply", "-f", dir.toString(), "--dry-run");
        assertEquals(0, dryRun.code(), dryRun::toString);
        assertEquals(warning("sec-apply-b", "auth.phrase") + warning("sec-apply-b", "secret.password"), dryRun.err());
        for (Result r : new Result[] {create, put, apply, dryRun}) {
            assertFalse(r.out().contains(SECRET) || r.err().contains(SECRET), r::toString);
        }
    }

    @Test
    void validateWarnsFromThePluginsDefinitionAndStrictExitsTwo() {
        String flat = "name=sec-validate\nconnector.class=" + TICKS + "\ntopic=t\nauth.phrase=" + SECRET + "\n";
        Result warned = Cli.runWithStdin(flat, "validate", "-f", "-");
        assertEquals(0, warned.code(), warned::toString);
        assertTrue(warned.out().startsWith("stdin: valid for " + TICKS), warned::toString);
        assertEquals(warning("sec-validate", "auth.phrase"), warned.err());

        Result strict = Cli.runWithStdin(flat, "validate", "-f", "-", "--strict-secrets");
        assertEquals(ExitCode.USAGE, strict.code(), strict::toString);
        assertEquals(2, strict.err().lines().count(), strict::toString);
        assertFalse(strict.err().contains(SECRET) || strict.out().contains(SECRET), strict::toString);
    }
}

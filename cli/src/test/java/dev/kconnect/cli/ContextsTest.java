package dev.kconnect.cli;

import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.live.Cli;
import dev.kconnect.cli.live.Cli.Result;
import dev.kconnect.cli.live.CliProcess;
import dev.kconnect.cli.live.LiveWorker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Contexts against the live worker: the file, which URL wins, masking, completion. */
@ExtendWith(LiveWorker.class)
class ContextsTest {

    /** Nothing listens here: a command that uses it exits 4 naming it. */
    static final String DEAD_URL = "http://127.0.0.1:9";

    @TempDir
    Path dir;
    Path config;

    @BeforeEach
    void useTemporaryConfig() {
        config = dir.resolve("sub").resolve("config.json");
        System.setProperty("kconnect.config", config.toString());
    }

    @AfterEach
    void clear() {
        System.clearProperty("kconnect.config");
    }

    static void ok(Result r) {
        assertEquals(0, r.code(), r::toString);
    }

    @Test
    void addWritesAnOwnerOnlyFileAndListMasksHeaders() throws Exception {
        ok(Cli.runRaw("context", "add", "live", "--url", LiveWorker.url(), "--header", "X-Api-Key: key-s3cret"));
        ok(Cli.runRaw("context", "add", "dead", "--url", DEAD_URL, "--user", "bob"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));

        Result list = Cli.runRaw("context", "list");
        ok(list);
        assertTrue(list.out().lines().anyMatch(l -> l.matches("\\*\\s+live\\s+" + LiveWorker.url() + "\\s+X-Api-Key: \\*+")),
                list::toString);
        assertTrue(list.out().lines().anyMatch(l -> l.matches("\\s+dead\\s+" + DEAD_URL + "\\s+user bob")), list::toString);
        assertFalse(list.out().contains("key-s3cret"), list::toString);

        Result names = Cli.runRaw("__complete", "contexts");
        assertEquals("dead\nlive\n", names.out());
    }

    @Test
    void urlBeatsContextAndContextBeatsCurrent() {
        ok(Cli.runRaw("context", "add", "live", "--url", LiveWorker.url()));
        ok(Cli.runRaw("context", "add", "dead", "--url", DEAD_URL));

        ok(Cli.runRaw("list")); // the first context added is the current one

        Result named = Cli.runRaw("list", "--context", "dead");
        assertEquals(ExitCode.UNREACHABLE, named.code(), named::toString);
        assertTrue(named.err().contains(DEAD_URL), named::toString);

        ok(Cli.runRaw("list", "--context", "dead", "--url", LiveWorker.url()));

        ok(Cli.runRaw("context", "use", "dead"));
        Result current = Cli.runRaw("list");
        assertEquals(ExitCode.UNREACHABLE, current.code(), current::toString);
        ok(Cli.runRaw("list", "--url", LiveWorker.url()));

        Result unknown = Cli.runRaw("list", "--context", "nope");
        assertEquals(ExitCode.USAGE, unknown.code(), unknown::toString);
        assertEquals("kconnect: no context named 'nope' in " + config + "; known: dead, live\n", unknown.err());

        ok(Cli.runRaw("context", "remove", "dead"));
        Result list = Cli.runRaw("context", "list");
        assertFalse(list.out().contains("dead"), list::toString);
        assertFalse(list.out().contains("*"), list::toString);
    }

    @Test
    void environmentUrlBeatsTheCurrentContextButNotUrl() {
        ok(Cli.runRaw("context", "add", "dead", "--url", DEAD_URL));
        Map<String, String> env = Map.of("KCONNECT_CONFIG", config.toString(), "KCONNECT_URL", LiveWorker.url());
        ok(CliProcess.run(env, "list"));

        Result url = CliProcess.run(env, "list", "--url", DEAD_URL);
        assertEquals(ExitCode.UNREACHABLE, url.code(), url::toString);
        assertTrue(url.err().contains(DEAD_URL), url::toString);

        Result viaEnvConfig = CliProcess.run(Map.of("KCONNECT_CONFIG", config.toString()), "context", "list");
        ok(viaEnvConfig);
        assertTrue(viaEnvConfig.out().contains(DEAD_URL), viaEnvConfig::toString);
    }

    @Test
    void addRefusesCredentialsItWouldKeepInClear() {
        Result userInfo = Cli.runRaw("context", "add", "ux", "--url", "http://admin:S3cret@127.0.0.1:8083");
        assertEquals(ExitCode.USAGE, userInfo.code(), userInfo::toString);
        assertEquals("kconnect: --url 'http://admin:********@127.0.0.1:8083' holds a user and password, which the "
                + "contexts file would keep in clear; give --user NAME --password-file FILE instead "
                + "(see: kconnect context add --help)\n", userInfo.err());

        Result bearer = Cli.runRaw("context", "add", "tok", "--url", LiveWorker.url(),
                "--header", "Authorization: Bearer t0ken-s3cret");
        assertEquals(ExitCode.USAGE, bearer.code(), bearer::toString);
        assertTrue(bearer.err().startsWith("kconnect: --header Authorization holds a credential, which the contexts "
                + "file would keep in clear; put a token in a file and give --token-file FILE"), bearer::toString);
        assertFalse(bearer.err().contains("t0ken-s3cret"), bearer::toString);
        assertFalse(Files.exists(config), "nothing was written");
    }

    @Test
    void addChecksItsFilesAndLaterErrorsNameTheContext() throws Exception {
        Path absent = dir.resolve("prod-password");
        Result add = Cli.runRaw("context", "add", "prod", "--url", LiveWorker.url(), "--user", "admin",
                "--password-file", absent.toString());
        assertEquals(ExitCode.USAGE, add.code(), add::toString);
        assertEquals("kconnect: context 'prod': cannot read --password-file " + absent + ": no such file; create the "
                + "file (or fix the path), then add the context again\n", add.err());
        assertFalse(Files.exists(config), "the context was not added, nor made current");

        Files.writeString(absent, "pw\n");
        ok(Cli.runRaw("context", "add", "prod", "--url", LiveWorker.url(), "--user", "admin",
                "--password-file", absent.toString()));
        Files.delete(absent);
        Result list = Cli.runRaw("list");
        assertEquals(ExitCode.USAGE, list.code(), list::toString);
        assertTrue(list.err().startsWith("kconnect: context 'prod': cannot read --password-file " + absent
                + ": no such file; fix the file, or the context with: kconnect context add prod"), list::toString);
    }
}

package dev.kconnect.cli.security;

import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.live.Cli;
import dev.kconnect.cli.live.Cli.Result;
import dev.kconnect.cli.live.CliProcess;
import dev.kconnect.cli.live.LiveWorker;
import dev.kconnect.cli.live.TestWorker;
import dev.kconnect.cli.testplugins.BearerTokenRestExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real worker that admits only one bearer token (a REST extension, as a token-checking gateway would). */
@ExtendWith(LiveWorker.class)
class BearerTokenTest {

    static final String TOKEN = "tok-" + UUID.randomUUID();

    @TempDir
    static Path dir;
    static TestWorker worker;
    static Path tokenFile;

    @BeforeAll
    static void start() throws Exception {
        tokenFile = Files.writeString(dir.resolve("token"), TOKEN + "\n");
        worker = TestWorker.onLiveBroker(Map.of(
                "rest.extension.classes", BearerTokenRestExtension.class.getName(),
                "test.bearer.token", TOKEN));
        Result ready = Cli.untilSuccess(() -> Cli.runAgainst(worker.url(), "list", "--token-file", tokenFile.toString()));
        assertEquals(0, ready.code(), ready::toString);
    }

    @AfterAll
    static void stop() {
        if (worker != null) {
            worker.close();
        }
    }

    static void assertNoToken(Result r) {
        assertFalse(r.out().contains(TOKEN) || r.err().contains(TOKEN), () -> "the token was printed: " + r);
    }

    @Test
    void tokenFromAFileIsSent() {
        Result r = Cli.runAgainst(worker.url(), "list", "--token-file", tokenFile.toString(), "--verbose");
        assertEquals(0, r.code(), r::toString);
        assertNoToken(r);
    }

    @Test
    void tokenFromTheEnvironmentIsSent() {
        Result r = CliProcess.run(Map.of("KCONNECT_TOKEN", TOKEN), "list", "--url", worker.url(), "--verbose");
        assertEquals(0, r.code(), r::toString);
        assertNoToken(r);
    }

    @Test
    void noOrAWrongTokenExits7WithOneLine() throws Exception {
        Result none = CliProcess.run(Map.of(), "list", "--url", worker.url());
        assertEquals(ExitCode.UNAUTHORIZED, none.code(), none::toString);
        assertEquals(1, none.err().lines().count(), none::toString);

        Path wrong = Files.writeString(dir.resolve("wrong"), "not-" + TOKEN);
        Result refused = Cli.runAgainst(worker.url(), "status", "anything", "--token-file", wrong.toString(), "--verbose");
        assertEquals(ExitCode.UNAUTHORIZED, refused.code(), refused::toString);
        assertTrue(refused.err().startsWith("kconnect: the worker refused the credentials (HTTP 401)"), refused::toString);
        assertNoToken(refused);
    }

    @Test
    void aTokenFileThatCannotBeReadIsAUsageError() {
        Path missing = dir.resolve("no-such-token");
        Result r = Cli.runAgainst(worker.url(), "list", "--token-file", missing.toString());
        assertEquals(ExitCode.USAGE, r.code(), r::toString);
        assertTrue(r.err().startsWith("kconnect: cannot read --token-file " + missing), r::toString);
    }
}

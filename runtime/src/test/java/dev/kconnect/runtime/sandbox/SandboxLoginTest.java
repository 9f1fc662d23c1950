package dev.kconnect.runtime.sandbox;

import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.live.Cli;
import dev.kconnect.cli.live.Cli.Result;
import dev.kconnect.sandbox.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A sandbox whose Kinetica emulator requires a user and password: kconnect must log in to see its tables. */
class SandboxLoginTest {

    @TempDir
    static Path dir;

    static Sandbox sandbox;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(Ports.free(), Ports.free(), Ports.free(), Ports.free(), Files.createDirectory(dir.resolve("kafka")), true,
                new Login("admin", "s3cret"), SandboxRunTest.PLUGINS, new PrintWriter(new StringWriter()));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void theEmulatorServesOnlyTheSandboxesUser() throws Exception {
        String url = sandbox.kinetica().url();
        Result anonymous = Cli.runRaw("kinetica", "tables", "-o", "name", "--kinetica-url", url);
        assertEquals(ExitCode.UNAUTHORIZED, anonymous.code(), anonymous::toString);

        Path wrong = Files.writeString(dir.resolve("wrong"), "guess");
        Result refused = Cli.runRaw("kinetica", "tables", "--kinetica-url", url, "--kinetica-user", "admin",
                "--kinetica-password-file", wrong.toString());
        assertEquals(ExitCode.UNAUTHORIZED, refused.code(), refused::toString);

        Path right = Files.writeString(dir.resolve("right"), "s3cret\n");
        Result ok = Cli.runRaw("kinetica", "tables", "-o", "name", "--kinetica-url", url, "--kinetica-user", "admin",
                "--kinetica-password-file", right.toString());
        assertEquals(0, ok.code(), ok::toString);
        assertEquals("ki_home.KafkaConnectorTest\nki_home.KafkaConnectorTest2\n", ok.out());
    }

    @Test
    void userAndPasswordFileGoTogether() {
        Result r = Cli.runRaw("sandbox", "--kinetica-user", "admin");
        assertEquals(ExitCode.USAGE, r.code(), r::toString);
        assertEquals("kconnect: --kinetica-user and --kinetica-password-file go together: give both, or neither for "
                + "no login (see: kconnect sandbox --help)\n", r.err());
    }
}

package dev.kconnect.cli.security;

import dev.kconnect.cli.KConnect;
import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.live.Cli;
import dev.kconnect.cli.live.Cli.Result;
import dev.kconnect.cli.live.CliProcess;
import dev.kconnect.cli.live.LiveWorker;
import dev.kconnect.cli.live.TestWorker;
import org.apache.kafka.connect.rest.basic.auth.extension.BasicAuthSecurityRestExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import javax.security.auth.login.Configuration;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real worker with an https listener and Connect's own BasicAuthSecurityRestExtension. */
@ExtendWith(LiveWorker.class)
class BasicAuthTlsTest {

    static final String USER = "admin";
    static final String PASSWORD = "pw-" + UUID.randomUUID();

    @TempDir
    static Path dir;
    static TestWorker worker;
    static String url;
    static Path ca;
    static Path passwordFile;
    static Path wrongPasswordFile;

    @BeforeAll
    static void start() throws Exception {
        Path server = Certificates.keyPair(dir, "server");
        ca = Certificates.certificatePem(server, "server");
        Path users = Files.writeString(dir.resolve("users.properties"), USER + "=" + PASSWORD + "\n");
        Path jaas = Files.writeString(dir.resolve("jaas.conf"), "KafkaConnect {\n"
                + "  org.apache.kafka.connect.rest.basic.auth.extension.PropertyFileLoginModule required\n"
                + "  file=\"" + users + "\";\n};\n");
        System.setProperty("java.security.auth.login.config", jaas.toString());
        // the extension keeps the JVM's Configuration from when its class first loaded (service loading by
        // any earlier worker of this JVM): make that same object read the file above
        Configuration.getConfiguration().refresh();
        passwordFile = Files.writeString(dir.resolve("password"), PASSWORD + "\n");
        wrongPasswordFile = Files.writeString(dir.resolve("wrong"), "not-" + PASSWORD + "\n");
        Map<String, String> props = Certificates.httpsListener(server);
        props.put("rest.extension.classes", BasicAuthSecurityRestExtension.class.getName());
        worker = TestWorker.onLiveBroker(props);
        url = worker.url();
        awaitReady();
    }

    private static void awaitReady() throws InterruptedException {
        Result r = Cli.untilSuccess(() -> authenticated("list"));
        assertEquals(0, r.code(), r::toString);
    }

    @AfterAll
    static void stop() {
        if (worker != null) {
            worker.close();
        }
        System.clearProperty("java.security.auth.login.config");
        System.clearProperty("kconnect.config");
    }

    static Result authenticated(String... args) {
        return withOptions(args, "--url", url, "--ca-file", ca.toString(), "--user", USER,
                "--password-file", passwordFile.toString());
    }

    static Result withOptions(String[] args, String... options) {
        String[] all = new String[args.length + options.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(options, 0, all, args.length, options.length);
        return Cli.runRaw(all);
    }

    static void assertNoSecret(Result r) {
        assertFalse(r.out().contains(PASSWORD) || r.err().contains(PASSWORD), () -> "the password was printed: " + r);
        String encoded = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertFalse(r.out().contains(encoded) || r.err().contains(encoded), () -> "the credentials were printed: " + r);
    }

    @Test
    void rightCredentialsWorkAndAreNeverPrinted() {
        Result r = authenticated("list", "--verbose");
        assertEquals(0, r.code(), r::toString);
        assertNoSecret(r);
        Result missing = authenticated("status", "no-such-connector", "--verbose");
        assertEquals(ExitCode.NOT_FOUND, missing.code(), missing::toString);
        assertNoSecret(missing);
    }

    @Test
    void wrongPasswordExits7WithOneLine() {
        Result r = Cli.runRaw("list", "--url", url, "--ca-file", ca.toString(), "--user", USER,
                "--password-file", wrongPasswordFile.toString(), "--verbose");
        assertEquals(ExitCode.UNAUTHORIZED, r.code(), r::toString);
        assertTrue(r.err().startsWith("kconnect: the worker refused the credentials (HTTP 401)"), r::toString);
        assertTrue(r.err().contains("--password-file"), r::toString);
        assertFalse(r.err().contains("not-" + PASSWORD), r::toString);
        assertNoSecret(r);

        Result none = Cli.runRaw("list", "--url", url, "--ca-file", ca.toString());
        assertEquals(ExitCode.UNAUTHORIZED, none.code(), none::toString);
        assertEquals(1, none.err().lines().count(), none::toString);
    }

    @Test
    void userInfoInTheUrlBecomesBasicAuthAndIsNeverPrinted() {
        String withUser = url.replace("https://", "https://" + USER + ":" + PASSWORD + "@");
        Result r = Cli.runRaw("list", "--url", withUser, "--ca-file", ca.toString(), "--verbose");
        assertEquals(0, r.code(), r::toString);
        assertNoSecret(r);
        Result missing = Cli.runRaw("get", "no-such-connector", "--url", withUser, "--ca-file", ca.toString());
        assertEquals(ExitCode.NOT_FOUND, missing.code(), missing::toString);
        assertNoSecret(missing);

        String wrong = url.replace("https://", "https://" + USER + ":not-" + PASSWORD + "@");
        Result refused = Cli.runRaw("list", "--url", wrong, "--ca-file", ca.toString(), "--verbose");
        assertEquals(ExitCode.UNAUTHORIZED, refused.code(), refused::toString);
        assertNoSecret(refused);
        assertFalse(refused.err().contains("not-" + PASSWORD), refused::toString);

        Result bad = Cli.runRaw("list", "--url", "https://" + USER + ":" + PASSWORD + "@host:99999");
        assertEquals(ExitCode.USAGE, bad.code(), bad::toString);
        assertEquals("kconnect: --url 'https://admin:********@host:99999': port 99999 is out of range; a port is 1 to "
                + "65535 (Connect's default is 8083) (see: kconnect list --help)\n", bad.err());
    }

    @Test
    void aUserWithoutAnyPasswordSourceIsAUsageError() {
        Result r = CliProcess.run(Map.of(), "list", "--url", url, "--ca-file", ca.toString(), "--user", USER);
        assertEquals(ExitCode.USAGE, r.code(), r::toString);
        assertEquals("kconnect: no password for user admin: set KCONNECT_PASSWORD, pass --password-file FILE,"
                + " or run at a terminal to be asked\n", r.err());
    }

    @Test
    void passwordFromTheEnvironment() {
        Result r = CliProcess.run(Map.of("KCONNECT_PASSWORD", PASSWORD),
                "list", "--url", url, "--ca-file", ca.toString(), "--user", USER, "--verbose");
        assertEquals(0, r.code(), r::toString);
        assertNoSecret(r);
    }

    @Test
    void aPersonAtATerminalIsAskedForThePasswordWhichIsNotEchoed() throws Exception {
        // util-linux script gives the CLI a terminal; the password is typed once the prompt shows
        String cli = String.join(" ", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KConnect.class.getName(),
                "list", "--url", url, "--ca-file", ca.toString(), "--user", USER);
        ProcessBuilder builder = new ProcessBuilder("script", "-qec", cli, "/dev/null").redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("KCONNECT_"));
        Process process = builder.start();
        StringBuilder screen = new StringBuilder();
        try (InputStream out = process.getInputStream(); OutputStream keyboard = process.getOutputStream()) {
            while (screen.indexOf("Password for admin at " + url + ": ") < 0) {
                int c = out.read();
                assertTrue(c >= 0, () -> "no password prompt: " + screen);
                screen.append((char) c);
            }
            keyboard.write((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
            screen.append(new String(out.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), screen::toString);
        // 0 from a worker that refuses anyone without the password: what was typed was sent
        assertEquals(0, process.exitValue(), screen::toString);
        assertFalse(screen.toString().contains(PASSWORD), () -> "the password was echoed: " + screen);
    }

    @Test
    void anyHeaderIsSentAndAMalformedOneIsAUsageError() {
        // bearer tokens: BearerTokenTest
        String basic = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        Result header = Cli.runRaw("list", "--url", url, "--ca-file", ca.toString(), "--header", "Authorization: Basic " + basic);
        assertEquals(0, header.code(), header::toString);

        Result malformed = Cli.runRaw("list", "--url", url, "--header", "no-colon-" + PASSWORD);
        assertEquals(ExitCode.USAGE, malformed.code(), malformed::toString);
        assertNoSecret(malformed);
    }

    @Test
    void withoutTheCaFileTlsFailsClearly() {
        Result r = Cli.runRaw("list", "--url", url, "--user", USER, "--password-file", passwordFile.toString());
        assertEquals(ExitCode.UNREACHABLE, r.code(), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(r.err().startsWith("kconnect: TLS with the Connect worker at " + url + " failed"), r::toString);
        assertTrue(r.err().contains("--ca-file"), r::toString);
        assertNoSecret(r);

        Result insecure = Cli.runRaw("list", "--url", url, "--insecure", "--user", USER, "--password-file", passwordFile.toString());
        assertEquals(0, insecure.code(), insecure::toString);
    }

    @Test
    void aContextKeepsCredentialsAsFileNames() throws Exception {
        Path config = dir.resolve("contexts.json");
        System.setProperty("kconnect.config", config.toString());
        try {
            Result add = Cli.runRaw("context", "add", "secure", "--url", url, "--ca-file", ca.toString(),
                    "--user", USER, "--password-file", passwordFile.toString());
            assertEquals(0, add.code(), add::toString);
            assertFalse(Files.readString(config).contains(PASSWORD), "the password was written to the contexts file");

            Result list = Cli.runRaw("list", "--context", "secure");
            assertEquals(0, list.code(), list::toString);
            Result current = Cli.runRaw("list");
            assertEquals(0, current.code(), current::toString);
            Result contexts = Cli.runRaw("context", "list");
            assertNoSecret(contexts);
        } finally {
            System.clearProperty("kconnect.config");
        }
    }
}

package dev.kconnect.cli.security;

import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.live.Cli;
import dev.kconnect.cli.live.Cli.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Client certificate and key files that cannot be used: refused before any connection, so no worker
 * runs here (the URL names a port nothing listens on; a connection attempt would exit otherwise).
 */
class PemFilesTest {
    static final String URL = "https://127.0.0.1:9";

    @TempDir
    static Path dir;
    static Path ca;
    static Path cert;
    static Path key;

    @BeforeAll
    static void keys() {
        ca = Certificates.certificatePem(Certificates.keyPair(dir, "server"), "server");
        Path client = Certificates.keyPair(dir, "client");
        cert = Certificates.certificatePem(client, "client");
        key = Certificates.privateKeyPem(client, "client");
    }

    @Test
    void aKeyThatIsNotPemIsAUsageError() {
        Result r = Cli.runRaw("list", "--url", URL, "--ca-file", ca.toString(), "--cert", cert.toString(), "--key", ca.toString());
        assertEquals(ExitCode.USAGE, r.code(), r::toString);
        assertTrue(r.err().startsWith("kconnect: --key " + ca + " holds no PEM private key"), r::toString);
    }

    @Test
    void aKeystoreInsteadOfPemSaysHowToExportPem() {
        Path store = dir.resolve("client.p12");
        Result asCert = Cli.runRaw("list", "--url", URL, "--ca-file", ca.toString(), "--cert", store.toString(), "--key", key.toString());
        assertEquals(ExitCode.USAGE, asCert.code(), asCert::toString);
        assertEquals(1, asCert.err().lines().count(), asCert::toString);
        assertTrue(asCert.err().startsWith("kconnect: --cert " + store + " is not a PEM certificate file"), asCert::toString);
        assertTrue(asCert.err().contains("openssl pkcs12 -in STORE.p12 -nokeys -out cert.pem"), asCert::toString);

        Result asKey = Cli.runRaw("list", "--url", URL, "--ca-file", ca.toString(), "--cert", cert.toString(), "--key", store.toString());
        assertEquals(ExitCode.USAGE, asKey.code(), asKey::toString);
        assertTrue(asKey.err().contains("openssl pkcs12 -in STORE.p12 -nocerts -nodes -out key.pem"), asKey::toString);
    }

    @Test
    void anEncryptedKeyIsRefusedWithTheCommandThatDecryptsIt() {
        Path encrypted = dir.resolve("client-encrypted.pem");
        Certificates.openssl("pkcs8", "-topk8", "-in", key.toString(), "-passout", "pass:secret", "-out", encrypted.toString());
        Result r = Cli.runRaw("list", "--url", URL, "--ca-file", ca.toString(), "--cert", cert.toString(), "--key", encrypted.toString());
        assertEquals(ExitCode.USAGE, r.code(), r::toString);
        assertEquals("kconnect: --key " + encrypted + " is encrypted; write it unencrypted, readable only by you, with:"
                + " openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8 (asks for the passphrase)\n", r.err());
    }
}

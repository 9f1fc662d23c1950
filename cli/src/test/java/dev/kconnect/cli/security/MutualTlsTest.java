package dev.kconnect.cli.security;

import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.live.Cli;
import dev.kconnect.cli.live.Cli.Result;
import dev.kconnect.cli.live.LiveWorker;
import dev.kconnect.cli.live.TestWorker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real worker whose https listener requires a client certificate (ssl.client.auth=required);
 * files that cannot be used at all are {@link PemFilesTest}'s.
 */
@ExtendWith(LiveWorker.class)
class MutualTlsTest {

    @TempDir
    static Path dir;
    static TestWorker worker;
    static String url;
    static Path ca;
    static Path cert;
    static Path key;
    static Path ecCert;
    static Path ecKey;

    @BeforeAll
    static void start() throws InterruptedException {
        Path server = Certificates.keyPair(dir, "server");
        ca = Certificates.certificatePem(server, "server");
        Path client = Certificates.keyPair(dir, "client");
        cert = Certificates.certificatePem(client, "client");
        key = Certificates.privateKeyPem(client, "client");
        Path ecClient = Certificates.keyPair(dir, "ec-client", "EC", "256");
        ecCert = Certificates.certificatePem(ecClient, "ec-client");
        ecKey = Certificates.privateKeyPem(ecClient, "ec-client");
        Path trust = Certificates.trustStore(dir, cert, ecCert);
        Map<String, String> props = Certificates.httpsListener(server);
        props.put("listeners.https.ssl.truststore.location", trust.toString());
        props.put("listeners.https.ssl.truststore.type", "PKCS12");
        props.put("listeners.https.ssl.truststore.password", Certificates.STORE_PASSWORD);
        props.put("listeners.https.ssl.client.auth", "required");
        worker = TestWorker.onLiveBroker(props);
        url = worker.url();
        Result r = Cli.untilSuccess(() -> withClientCertificate("list"));
        assertEquals(0, r.code(), r::toString);
    }

    @AfterAll
    static void stop() {
        if (worker != null) {
            worker.close();
        }
    }

    static Result withClientCertificate(String command) {
        return Cli.runRaw(command, "--url", url, "--ca-file", ca.toString(), "--cert", cert.toString(), "--key", key.toString());
    }

    @Test
    void clientCertificateIsAccepted() {
        Result r = withClientCertificate("plugins");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("KineticaSinkConnector") || r.out().contains("DiscardSinkConnector"), r::toString);
    }

    @Test
    void withoutClientCertificateTheWorkerRefusesWithOneLine() {
        Result r = Cli.runRaw("list", "--url", url, "--ca-file", ca.toString());
        assertEquals(ExitCode.UNREACHABLE, r.code(), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(r.err().contains("TLS") && r.err().contains("--cert"), r::toString);
    }

    @Test
    void rsaAndEcKeysInTheFormsOpensslWritesAreAccepted() throws Exception {
        Path pkcs1 = dir.resolve("client-pkcs1.pem");
        Certificates.openssl("rsa", "-in", key.toString(), "-traditional", "-out", pkcs1.toString());
        assertTrue(Files.readString(pkcs1).startsWith("-----BEGIN RSA PRIVATE KEY-----"), pkcs1::toString);
        Result rsa = Cli.runRaw("list", "--url", url, "--ca-file", ca.toString(), "--cert", cert.toString(), "--key", pkcs1.toString());
        assertEquals(0, rsa.code(), rsa::toString);

        Path sec1 = dir.resolve("ec-client-sec1.pem");
        Certificates.openssl("ec", "-in", ecKey.toString(), "-out", sec1.toString());
        assertTrue(Files.readString(sec1).startsWith("-----BEGIN EC PRIVATE KEY-----"), sec1::toString);
        for (Path ec : List.of(ecKey, sec1)) {
            Result r = Cli.runRaw("list", "--url", url, "--ca-file", ca.toString(), "--cert", ecCert.toString(), "--key", ec.toString());
            assertEquals(0, r.code(), r::toString);
        }
    }
}

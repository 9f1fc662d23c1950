package dev.kconnect.cli.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;

/** Key pairs and self-signed certificates made at test time with the JDK's keytool; nothing is committed. */
final class Certificates {

    static final String STORE_PASSWORD = "test-store-pass";

    private Certificates() {
    }

    /** A PKCS12 keystore holding a self-signed RSA key pair for 127.0.0.1/localhost, under {@code alias}. */
    static Path keyPair(Path dir, String alias) {
        Path store = dir.resolve(alias + ".p12");
        keytool("-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=" + alias, "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);
        return store;
    }

    /** The certificate of {@code alias} as PEM. */
    static Path certificatePem(Path store, String alias) {
        Path pem = store.resolveSibling(alias + "-cert.pem");
        keytool("-exportcert", "-rfc", "-alias", alias, "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", STORE_PASSWORD, "-file", pem.toString());
        return pem;
    }

    /** A PKCS12 truststore holding the PEM certificate {@code cert}. */
    static Path trustStore(Path dir, Path cert) {
        Path store = dir.resolve("trust.p12");
        keytool("-importcert", "-noprompt", "-alias", "trusted", "-file", cert.toString(),
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);
        return store;
    }

    /** The private key of {@code alias} as unencrypted PKCS#8 PEM (keytool cannot export keys). */
    static Path privateKeyPem(Path store, String alias) {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(in, STORE_PASSWORD.toCharArray());
            Key key = keys.getKey(alias, STORE_PASSWORD.toCharArray());
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            Path file = store.resolveSibling(alias + "-key.pem");
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
            return file;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void keytool(String... args) {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

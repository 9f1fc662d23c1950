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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Key pairs and self-signed certificates made at test time with the JDK's keytool; nothing is committed. */
final class Certificates {

    static final String STORE_PASSWORD = "test-store-pass";

    private Certificates() {
    }

    /** A PKCS12 keystore holding a self-signed RSA key pair for 127.0.0.1/localhost, under {@code alias}. */
    static Path keyPair(Path dir, String alias) {
        return keyPair(dir, alias, "RSA", "2048");
    }

    /** The same with another algorithm: "EC" with 256 bits is P-256. */
    static Path keyPair(Path dir, String alias, String algorithm, String bits) {
        Path store = dir.resolve(alias + ".p12");
        keytool("-genkeypair", "-alias", alias, "-keyalg", algorithm, "-keysize", bits, "-validity", "2",
                "-dname", "CN=" + alias, "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);
        return store;
    }

    /** Worker properties for an https listener on a free port serving the key pair in {@code keystore}. */
    static Map<String, String> httpsListener(Path keystore) {
        Map<String, String> props = new HashMap<>();
        props.put("listeners", "https://127.0.0.1:0");
        props.put("listeners.https.ssl.keystore.location", keystore.toString());
        props.put("listeners.https.ssl.keystore.type", "PKCS12");
        props.put("listeners.https.ssl.keystore.password", STORE_PASSWORD);
        props.put("listeners.https.ssl.key.password", STORE_PASSWORD);
        return props;
    }

    /** The certificate of {@code alias} as PEM. */
    static Path certificatePem(Path store, String alias) {
        Path pem = store.resolveSibling(alias + "-cert.pem");
        keytool("-exportcert", "-rfc", "-alias", alias, "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", STORE_PASSWORD, "-file", pem.toString());
        return pem;
    }

    /** A PKCS12 truststore holding the PEM certificates {@code certs}. */
    static Path trustStore(Path dir, Path... certs) {
        Path store = dir.resolve("trust.p12");
        for (int i = 0; i < certs.length; i++) {
            keytool("-importcert", "-noprompt", "-alias", "trusted-" + i, "-file", certs[i].toString(),
                    "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);
        }
        return store;
    }

    /** {@code openssl ARGS}: converts keys to the forms other tools write. */
    static void openssl(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        run(command);
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
        run(command);
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package dev.kconnect.cli.client;

import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;

/**
 * Builds the TLS set-up of {@link TlsSettings} from PEM files with the JDK alone: the JDK reads PEM
 * certificates natively and {@link PemKeys} the private key, so no keystore or password is needed.
 */
final class TlsContexts {

    private TlsContexts() {
    }

    static TlsSocketStrategy strategy(TlsSettings tls) {
        ClientTlsStrategyBuilder builder = ClientTlsStrategyBuilder.create().setSslContext(sslContext(tls));
        if (tls.insecure()) {
            builder.setHostnameVerifier(NoopHostnameVerifier.INSTANCE);
        }
        return builder.buildClassic();
    }

    private static SSLContext sslContext(TlsSettings tls) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            KeyManagerFactory keys = null;
            if (tls.certFile() != null) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(clientKeyStore(tls.certFile(), tls.keyFile()), new char[0]);
            }
            context.init(keys == null ? null : keys.getKeyManagers(), trustManagers(tls), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static TrustManager[] trustManagers(TlsSettings tls) throws GeneralSecurityException {
        if (tls.insecure()) {
            return new TrustManager[] {new TrustAll()};
        }
        if (tls.caFile() == null) {
            return null; // the JDK's own CAs
        }
        KeyStore store = emptyStore();
        int i = 0;
        for (Certificate ca : certificates(tls.caFile(), "--ca-file")) {
            store.setCertificateEntry("ca-" + i++, ca);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    private static KeyStore clientKeyStore(Path certFile, Path keyFile) throws GeneralSecurityException {
        if (keyFile == null) {
            throw new TlsFileException("--cert " + certFile + " needs --key with its private key (PEM)");
        }
        KeyStore store = emptyStore();
        Certificate[] chain = certificates(certFile, "--cert").toArray(Certificate[]::new);
        store.setKeyEntry("client", PemKeys.read(keyFile), new char[0], chain);
        return store;
    }

    private static Collection<? extends Certificate> certificates(Path file, String option) {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new TlsFileException(option + " " + file + " holds no certificate; expected PEM (-----BEGIN CERTIFICATE-----)");
            }
            return certs;
        } catch (IOException e) {
            throw new TlsFileException("cannot read " + option + " " + file + ": " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new TlsFileException(option + " " + file + " is not a PEM certificate file (" + e.getMessage()
                    + "); from a PKCS12 keystore export one with: openssl pkcs12 -in STORE.p12 -nokeys -out cert.pem"
                    + " (for JKS: keytool -exportcert -rfc -keystore STORE.jks -alias ALIAS -file cert.pem)");
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return store;
    }

    /** --insecure: every certificate passes. */
    private static final class TrustAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}

package dev.kconnect.cli.client;

import java.nio.file.Path;

/**
 * How to check the worker's certificate and which one to show it.
 *
 * @param caFile   PEM file of the CA certificate(s) to trust instead of the JDK's; null: the JDK's
 * @param certFile PEM client certificate (chain) for mutual TLS; null: none
 * @param keyFile  PEM private key (unencrypted: PKCS#8, PKCS#1 or SEC1) of {@code certFile}
 * @param insecure trust any certificate and any host name (only when asked)
 */
public record TlsSettings(Path caFile, Path certFile, Path keyFile, boolean insecure) {

    public static final TlsSettings DEFAULT = new TlsSettings(null, null, null, false);
}

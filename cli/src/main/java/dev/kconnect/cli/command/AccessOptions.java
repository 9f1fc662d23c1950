package dev.kconnect.cli.command;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/**
 * How to log in to a worker and trust it: taken per command (through {@link ConnectionOptions})
 * and stored in a context by {@code context add}.
 */
public final class AccessOptions {
    @Option(names = "--user", paramLabel = "USER",
            description = "HTTP basic auth user; the password comes from --password-file, else $KCONNECT_PASSWORD, "
                    + "else a prompt at a terminal.")
    public String user;

    @Option(names = "--password-file", paramLabel = "FILE", description = "File holding the basic auth password.")
    public Path passwordFile;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File holding a bearer token (default: $KCONNECT_TOKEN).")
    public Path tokenFile;

    @Option(names = "--header", paramLabel = "'NAME: VALUE'", description = "Send this header with every request (repeatable).")
    public List<String> headers = List.of();

    @Option(names = "--ca-file", paramLabel = "FILE", description = "PEM file of the CA(s) that signed the worker's certificate.")
    public Path caFile;

    @Option(names = "--cert", paramLabel = "FILE", description = "PEM client certificate for mutual TLS (with --key).")
    public Path certFile;

    @Option(names = "--key", paramLabel = "FILE", description = "PEM private key of --cert, unencrypted (PKCS#8, or RSA/EC as openssl writes them).")
    public Path keyFile;

    @Option(names = "--insecure",
            description = "Skip TLS certificate and host name verification (unsafe: only when you must).")
    public boolean insecure;
}

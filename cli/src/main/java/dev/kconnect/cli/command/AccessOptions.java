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
    String user;

    @Option(names = "--password-file", paramLabel = "FILE", description = "File holding the basic auth password.")
    Path passwordFile;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File holding a bearer token (default: $KCONNECT_TOKEN).")
    Path tokenFile;

    @Option(names = "--header", paramLabel = "'NAME: VALUE'", description = "Send this header with every request (repeatable).")
    List<String> headers = List.of();

    @Option(names = "--ca-file", paramLabel = "FILE", description = "PEM file of the CA(s) that signed the worker's certificate.")
    Path caFile;

    @Option(names = "--cert", paramLabel = "FILE", description = "PEM client certificate for mutual TLS (with --key).")
    Path certFile;

    @Option(names = "--key", paramLabel = "FILE", description = "PEM private key of --cert, unencrypted (PKCS#8, or RSA/EC as openssl writes them).")
    Path keyFile;

    @Option(names = "--insecure",
            description = "Skip TLS certificate and host name verification (unsafe: only when you must).")
    boolean insecure;
}

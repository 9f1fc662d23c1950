package dev.kconnect.cli.command;

import dev.kconnect.cli.client.ClientSettings;
import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.client.TlsSettings;
import dev.kconnect.cli.config.Context;
import dev.kconnect.cli.config.ContextStore;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the Connect worker is and how to log in. The URL comes from {@code --url}, else
 * $KCONNECT_URL, else the context ({@code --context}, else the current one), else
 * http://localhost:8083. The current context applies only when no URL is given otherwise, so its
 * credentials never go to a worker it does not name; options on the command line override the context's.
 */
public final class ConnectionOptions {

    static final String DEFAULT_URL = "http://localhost:8083";

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--url", paramLabel = "URL",
            description = "Worker REST URL (default: $KCONNECT_URL, else the context's, else " + DEFAULT_URL + ").")
    String url;

    @Option(names = "--context", paramLabel = "CONTEXT",
            description = "Use this context's URL, credentials and certificates (see: kconnect context).")
    String context;

    @Mixin
    AccessOptions access;

    /** A client for the worker; the caller closes it. */
    public ConnectClient client() {
        return new ConnectClient(settings(true));
    }

    /** Everything a client needs; {@code interactive}: may ask for a password at the terminal. */
    ClientSettings settings(boolean interactive) {
        Context ctx = context();
        String envUrl = System.getenv("KCONNECT_URL");
        String urlText = url != null ? url
                : envUrl != null && !envUrl.isBlank() ? envUrl
                : ctx != null && ctx.url() != null ? ctx.url()
                : DEFAULT_URL;
        URI uri = workerUrl(urlText);
        Map<String, String> sent = new LinkedHashMap<>();
        Credentials credentials = new Credentials(
                access.user != null ? access.user : ctx == null ? null : ctx.user(),
                access.passwordFile != null ? access.passwordFile : path(ctx == null ? null : ctx.passwordFile()),
                access.tokenFile != null ? access.tokenFile : path(ctx == null ? null : ctx.tokenFile()));
        credentials.authorization(uri, interactive).ifPresent(value -> sent.put("Authorization", value));
        if (ctx != null) {
            sent.putAll(ctx.headers());
        }
        sent.putAll(parseHeaders(access.headers));
        TlsSettings tls = new TlsSettings(
                access.caFile != null ? access.caFile : path(ctx == null ? null : ctx.caFile()),
                access.certFile != null ? access.certFile : path(ctx == null ? null : ctx.certFile()),
                access.keyFile != null ? access.keyFile : path(ctx == null ? null : ctx.keyFile()),
                access.insecure || ctx != null && ctx.insecureTls());
        return ClientSettings.of(uri, sent, tls);
    }

    /** The context named by --context, else the current one when no URL is given otherwise; null when none. */
    private Context context() {
        if (context != null) {
            return ContextStore.standard().get(context);
        }
        String envUrl = System.getenv("KCONNECT_URL");
        if (url != null || envUrl != null && !envUrl.isBlank()) {
            return null;
        }
        ContextStore store = ContextStore.standard();
        String current = store.load().current();
        return current == null ? null : store.get(current);
    }

    private static Path path(String text) {
        return text == null ? null : Path.of(text);
    }

    /** 'Name: value' pairs; a header without a colon is a usage error. */
    Map<String, String> parseHeaders(List<String> raw) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String header : raw) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                // never echo the value: it may be a secret
                throw new ParameterException(mixee.commandLine(),
                        "--header needs the form 'NAME: VALUE' (e.g. 'X-Request-Source: kconnect')");
            }
            parsed.put(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
        }
        return parsed;
    }

    URI workerUrl(String text) {
        String trimmed = text.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            URI uri = new URI(trimmed);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                throw new URISyntaxException(trimmed, "not an http:// or https:// URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ParameterException(mixee.commandLine(), "--url '" + text
                    + "' is not a worker URL; expected e.g. http://localhost:8083");
        }
    }
}

package dev.kconnect.cli.command;

import dev.kconnect.cli.client.ClientSettings;
import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.client.TlsFileException;
import dev.kconnect.cli.client.TlsSettings;
import dev.kconnect.cli.config.Context;
import dev.kconnect.cli.config.ContextStore;
import dev.kconnect.cli.output.Secrets;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
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

    public static final String DEFAULT_URL = "http://localhost:8083";

    @Spec(Spec.Target.MIXEE)
    public CommandSpec mixee;

    @Option(names = "--url", paramLabel = "URL",
            description = "Worker REST URL (default: $KCONNECT_URL, else the context's, else " + DEFAULT_URL + ").")
    public String url;

    @Option(names = "--context", paramLabel = "CONTEXT",
            description = "Use this context's URL, credentials and certificates (see: kconnect context).")
    public String context;

    @Option(names = "--request-timeout", paramLabel = "SECONDS", defaultValue = "${env:KCONNECT_REQUEST_TIMEOUT:-30}",
            description = "How long to wait for each answer of the worker (default: $KCONNECT_REQUEST_TIMEOUT, else 30 s).")
    public int requestTimeout;

    @Mixin
    public AccessOptions access;

    private Context used;

    /** A client for the worker; the caller closes it. */
    public ConnectClient client() {
        ClientSettings settings = settings(true);
        try {
            return new ConnectClient(settings);
        } catch (TlsFileException e) {
            // a certificate file of a context may have moved since it was added: say which context
            String name = contextName();
            throw name == null ? e : new TlsFileException("context '" + name + "': " + e.getMessage());
        }
    }

    /** Everything a client needs; {@code interactive}: may ask for a password at the terminal. */
    public ClientSettings settings(boolean interactive) {
        checkTimeout();
        String contextName = contextName();
        Context ctx = contextName == null ? null : ContextStore.standard().get(contextName);
        used = ctx;
        String envUrl = System.getenv("KCONNECT_URL");
        String urlText = url != null ? url
                : envUrl != null && !envUrl.isBlank() ? envUrl
                : ctx != null && ctx.url() != null ? ctx.url()
                : DEFAULT_URL;
        return settings(contextName, ctx, urlText, interactive);
    }

    /**
     * For {@code --all-contexts}: the context's own URL and credentials, whatever {@code --url} or
     * $KCONNECT_URL say (they name one worker; each context names its own). Never asks at the terminal.
     */
    public ClientSettings settingsOf(String contextName, Context ctx) {
        checkTimeout();
        return settings(contextName, ctx, ctx.url() != null ? ctx.url() : DEFAULT_URL, false);
    }

    /** A usage error unless --request-timeout is above 0. */
    void checkTimeout() {
        if (requestTimeout <= 0) {
            throw new ParameterException(mixee.commandLine(), "--request-timeout (or KCONNECT_REQUEST_TIMEOUT) must be "
                    + "a number of seconds above 0, not " + requestTimeout);
        }
    }

    private ClientSettings settings(String contextName, Context ctx, String urlText, boolean interactive) {
        URI given = workerUrl(urlText);
        // user info in the URL becomes basic auth: never sent in the URL, never printed with it
        URI uri = withoutUserInfo(given);
        String[] userInfo = given.getUserInfo() == null ? new String[0] : given.getUserInfo().split(":", 2);
        String user = access.user != null ? access.user
                : userInfo.length > 0 ? userInfo[0]
                : ctx == null ? null : ctx.user();
        Map<String, String> sent = new LinkedHashMap<>();
        Credentials credentials = new Credentials(user,
                access.passwordFile != null ? access.passwordFile : path(ctx == null ? null : ctx.passwordFile()),
                access.tokenFile != null ? access.tokenFile : path(ctx == null ? null : ctx.tokenFile()),
                userInfo.length > 1 && access.user == null ? userInfo[1] : null,
                contextName);
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
        return ClientSettings.of(uri, sent, tls).withTimeouts(ClientSettings.DEFAULT_CONNECT_TIMEOUT,
                Duration.ofSeconds(requestTimeout), ClientSettings.DEFAULT_CONFLICT_RETRY);
    }

    /** The context the last {@link #settings} used; null when none. */
    public Context context() {
        return used;
    }

    /** The context named by --context, else the current one when no URL is given otherwise; null when none. */
    private String contextName() {
        if (context != null) {
            return context;
        }
        String envUrl = System.getenv("KCONNECT_URL");
        if (url != null || envUrl != null && !envUrl.isBlank()) {
            return null;
        }
        return ContextStore.standard().load().current();
    }

    private static Path path(String text) {
        return text == null ? null : Path.of(text);
    }

    /** 'Name: value' pairs; a header without a colon is a usage error. */
    public Map<String, String> parseHeaders(List<String> raw) {
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

    /** The URL, checked; it may still hold user info. Messages show it with the password masked. */
    public URI workerUrl(String text) {
        String trimmed = text.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || !"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                || uri.getHost() == null) {
            throw new ParameterException(mixee.commandLine(), "--url '" + Secrets.maskUrl(text)
                    + "' is not a worker URL; expected e.g. http://localhost:8083");
        }
        if (uri.getPort() > 65535) {
            throw new ParameterException(mixee.commandLine(), "--url '" + Secrets.maskUrl(text) + "': port "
                    + uri.getPort() + " is out of range; a port is 1 to 65535 (Connect's default is 8083)");
        }
        return uri;
    }

    public static URI withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri;
        }
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), uri.getFragment());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e); // the parts came from a valid URI
        }
    }
}

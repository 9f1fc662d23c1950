package dev.kconnect.cli.command;

import dev.kconnect.cli.client.ClientSettings;
import dev.kconnect.cli.client.ConnectClient;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.net.URI;
import java.net.URISyntaxException;

/** Where the Connect worker is: {@code --url}, else $KCONNECT_URL, else http://localhost:8083. */
public final class ConnectionOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--url", paramLabel = "URL", defaultValue = "${env:KCONNECT_URL:-http://localhost:8083}",
            description = "REST URL of a Connect worker (default: $KCONNECT_URL, else http://localhost:8083).")
    String url;

    /** A client for the worker; the caller closes it. */
    public ConnectClient client() {
        return new ConnectClient(ClientSettings.of(workerUrl()));
    }

    URI workerUrl() {
        String text = url.strip();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        try {
            URI uri = new URI(text);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                throw new URISyntaxException(text, "not an http:// or https:// URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ParameterException(mixee.commandLine(), "--url '" + url
                    + "' is not a worker URL; expected e.g. http://localhost:8083");
        }
    }
}

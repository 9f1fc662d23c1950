package dev.kconnect.cli.client;

import java.util.List;

/** HTTP 404 for a connector name the worker does not know; the message lists the ones it does. */
public final class ConnectorNotFoundException extends NotFoundException {

    public ConnectorNotFoundException(String name, List<String> known) {
        super("no connector '" + name + "' on this worker; "
                + (known.isEmpty() ? "it has no connectors yet" : "known: " + String.join(", ", known.stream().sorted().toList())));
    }
}

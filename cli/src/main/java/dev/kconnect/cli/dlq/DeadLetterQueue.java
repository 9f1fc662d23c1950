package dev.kconnect.cli.dlq;

import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.client.NotFoundException;

import java.util.Map;

/** A sink connector's dead-letter queue, as its config names it. */
public record DeadLetterQueue(String connector, String topic, boolean contextHeaders) {

    static final String TOPIC_KEY = "errors.deadletterqueue.topic.name";
    static final String HEADERS_KEY = "errors.deadletterqueue.context.headers.enable";

    /** The connector's queue; a connector without one is "not found", with how to give it one. */
    public static DeadLetterQueue of(ConnectClient client, String connector) {
        Map<String, String> config = client.config(connector).value();
        String topic = config == null ? null : config.get(TOPIC_KEY);
        if (topic == null || topic.isBlank()) {
            throw new NotFoundException("connector '" + connector + "' has no dead-letter queue: a sink gets one with "
                    + TOPIC_KEY + "=TOPIC and errors.tolerance=all (and " + HEADERS_KEY + "=true to know why each record failed)");
        }
        return new DeadLetterQueue(connector, topic.strip(), Boolean.parseBoolean(config.getOrDefault(HEADERS_KEY, "false")));
    }

    /** The line that says how to learn why records failed, when the connector does not record it. */
    public String contextAdvice() {
        return "the records carry no error context: set " + HEADERS_KEY + "=true on connector '" + connector
                + "' (kconnect patch " + connector + " " + HEADERS_KEY + "=true) to see where each came from and why";
    }
}

package dev.kconnect.cli.client.model;

import java.util.List;

/** One connector's entry of {@code GET /connectors/NAME/topics}: the topics it has used. */
public record ActiveTopics(List<String> topics) {

    public ActiveTopics {
        topics = topics == null ? List.of() : List.copyOf(topics);
    }
}

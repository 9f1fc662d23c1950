package dev.kconnect.cli.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kconnect.testkit.Await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** Talks to the live worker directly (the JDK's HTTP client), to check what kconnect did. */
public final class Rest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Rest() {
    }

    /**
     * The body of GET {@code path}, exactly as the worker sent it. Right after a config change
     * the worker answers 409 (or 500) until its rebalance ends: that is waited out (up to a minute).
     */
    public static String get(String path) {
        return Await.poll(Duration.ofSeconds(60), () -> send(path), r -> !rebalancing(r)).body();
    }

    private static HttpResponse<String> send(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(LiveWorker.url() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** 409, or 500 "rebalance is expected": the worker is between two assignments. */
    private static boolean rebalancing(HttpResponse<String> response) {
        return response.statusCode() == 409
                || response.statusCode() == 500 && response.body().contains("rebalance is expected");
    }

    public static JsonNode json(String path) {
        try {
            return JSON.readTree(get(path));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * GET {@code path} as JSON once it satisfies {@code condition} (up to a minute): a distributed
     * worker answers 201 to a create before its own view of the configs has caught up.
     */
    public static JsonNode jsonWhen(String path, Predicate<JsonNode> condition) {
        return Await.poll(Duration.ofSeconds(60), () -> json(path), condition);
    }

    /** Waits (up to a minute) until the connector's status satisfies {@code condition}; returns that status. */
    public static JsonNode awaitStatus(String connector, Predicate<JsonNode> condition) {
        return Await.value("connector " + connector + " to reach the expected state", Duration.ofSeconds(60),
                () -> json("/connectors/" + connector + "/status"), condition);
    }

    /** Connector and {@code tasks} tasks all in {@code state}. */
    public static Predicate<JsonNode> all(String state, int tasks) {
        return s -> s.path("connector").path("state").asText().equals(state)
                && s.path("tasks").size() == tasks
                && java.util.stream.StreamSupport.stream(s.path("tasks").spliterator(), false)
                        .allMatch(t -> t.path("state").asText().equals(state));
    }
}

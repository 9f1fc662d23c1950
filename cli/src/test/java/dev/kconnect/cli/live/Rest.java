package dev.kconnect.cli.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            HttpResponse<String> response;
            do {
                response = HTTP.send(HttpRequest.newBuilder(URI.create(LiveWorker.url() + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (rebalancing(response)) {
                    Thread.sleep(100);
                }
            } while (rebalancing(response) && System.nanoTime() < deadline);
            return response.body();
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
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode node = json(path);
        while (!condition.test(node) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            node = json(path);
        }
        return node;
    }

    /** Waits (up to a minute) until the connector's status satisfies {@code condition}; returns that status. */
    public static JsonNode awaitStatus(String connector, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode status = null;
        while (System.nanoTime() < deadline) {
            status = json("/connectors/" + connector + "/status");
            if (condition.test(status)) {
                return status;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("connector " + connector + " never reached the expected state; last status: " + status);
    }

    /** Connector and {@code tasks} tasks all in {@code state}. */
    public static Predicate<JsonNode> all(String state, int tasks) {
        return s -> s.path("connector").path("state").asText().equals(state)
                && s.path("tasks").size() == tasks
                && java.util.stream.StreamSupport.stream(s.path("tasks").spliterator(), false)
                        .allMatch(t -> t.path("state").asText().equals(state));
    }
}

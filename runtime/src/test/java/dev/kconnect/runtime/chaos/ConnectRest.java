package dev.kconnect.runtime.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The few Connect REST calls the chaos run makes, to whichever worker answers. */
final class ConnectRest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ChaosCluster cluster;

    ConnectRest(ChaosCluster cluster) {
        this.cluster = cluster;
    }

    /** Creates the connector; true once created (201), or already there from an earlier try (409). */
    boolean create(String name, Map<String, String> config) {
        try {
            String body = JSON.writeValueAsString(Map.of("name", name, "config", config));
            int status = HTTP.send(HttpRequest.newBuilder(URI.create(cluster.anyRestUrl() + "/connectors"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            return status == 201 || status == 409;
        } catch (IOException e) {
            return false; // the worker is starting or rebalancing: try again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The connector's status as Connect reports it, or a missing node when no worker answers. */
    JsonNode status(String name) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create(cluster.anyRestUrl() + "/connectors/" + name + "/status")).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.missingNode();
        } catch (IOException e) {
            return JSON.missingNode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return JSON.missingNode();
        }
    }

    /** True when the connector and {@code tasks} tasks of it run. */
    boolean running(String name, int tasks) {
        JsonNode status = status(name);
        if (!"RUNNING".equals(status.path("connector").path("state").asText())
                || status.path("tasks").size() != tasks) {
            return false;
        }
        for (JsonNode task : status.path("tasks")) {
            if (!"RUNNING".equals(task.path("state").asText())) {
                return false;
            }
        }
        return true;
    }

    /** Tasks that failed, with the first line of their trace; empty when none did. */
    String failures(String name) {
        StringBuilder failed = new StringBuilder();
        for (JsonNode task : status(name).path("tasks")) {
            if ("FAILED".equals(task.path("state").asText())) {
                String trace = task.path("trace").asText();
                failed.append(" task ").append(task.path("id").asInt()).append(" FAILED: ")
                        .append(trace.contains("\n") ? trace.substring(0, trace.indexOf('\n')) : trace);
            }
        }
        return failed.toString();
    }
}

package dev.kconnect.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kconnect.cli.live.LiveWorker;
import dev.kconnect.testkit.ConnectWorker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The built plugin directory loads, in isolation, in a real standalone worker on a real broker (the module's). */
@ExtendWith(LiveWorker.class)
class PluginLoadingTest {
    static final Path PLUGINS = Path.of("target/plugins");
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static ConnectWorker worker;
    static String url;

    @BeforeAll
    static void startWorker() throws Exception {
        assertTrue(Files.isRegularFile(PLUGINS.resolve("kinetica-kafka-connector/manifest.json")),
                "the build unpacks the plugin into " + PLUGINS.toAbsolutePath());
        worker = ConnectWorker.standalone(LiveWorker.bootstrapServers(), Files.createTempFile("kconnect-offsets", ".dat"))
                .set("plugin.path", PLUGINS.toAbsolutePath().toString())
                .start();
        url = worker.url();
    }

    @AfterAll
    static void stopWorker() {
        if (worker != null) {
            worker.close();
        }
    }

    @Test
    void bothConnectorsAreListedWithTheirVersion() throws Exception {
        JsonNode plugins = JSON.readTree(get("/connector-plugins"));
        Map<String, JsonNode> byClass = StreamSupport.stream(plugins.spliterator(), false)
                .collect(Collectors.toMap(p -> p.get("class").asText(), p -> p));
        assertEquals("sink", byClass.get("com.kinetica.kafka.KineticaSinkConnector").get("type").asText());
        assertEquals("source", byClass.get("com.kinetica.kafka.KineticaSourceConnector").get("type").asText());
        String version = VersionProvider.versions().getProperty("kconnect");
        assertEquals(version, byClass.get("com.kinetica.kafka.KineticaSinkConnector").get("version").asText());
    }

    @Test
    void connectorClassesComeFromThePluginPathNotTheClasspath() {
        // had the worker found them on the classpath, isolation would be lost
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.kinetica.kafka.KineticaSinkConnector"));
    }

    @Test
    void validateUsesThePluginsConfigDefinition() throws Exception {
        String body = "{\"connector.class\":\"com.kinetica.kafka.KineticaSinkConnector\",\"topics\":\"t\","
                + "\"kinetica.url\":\"not a url\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/connector-plugins/KineticaSinkConnector/config/validate"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
        JsonNode result = JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
        Set<String> keysInError = StreamSupport.stream(result.get("configs").spliterator(), false)
                .filter(c -> c.get("value").get("errors").size() > 0)
                .map(c -> c.get("value").get("name").asText())
                .collect(Collectors.toSet());
        assertTrue(keysInError.contains("kinetica.url"), "errors on " + keysInError);
        assertTrue(result.get("error_count").asInt() >= 1);
    }

    static String get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }
}

package dev.kconnect.runtime.worker;

import dev.kconnect.cli.input.BadInputException;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkerChecksTest {

    static ConfigFile file(String name, String content) throws Exception {
        Path dir = Files.createTempDirectory("kconnect-files");
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return ConfigFile.read(p);
    }

    @Test
    void readsTheSeedJsonFlatJsonAndProperties() throws Exception {
        ConfigFile seed = file("source.json", "{\"name\":\"kinetica-source-connector\",\"config\":{"
                + "\"connector.class\":\"com.kinetica.kafka.KineticaSourceConnector\",\"tasks.max\":3}}");
        assertTrue(seed.isConnector());
        assertEquals("kinetica-source-connector", seed.connectorName());
        assertEquals("3", seed.settings().get("tasks.max"));

        ConfigFile props = file("sink.properties", "connector.class=com.kinetica.kafka.KineticaSinkConnector\ntopics=a\n");
        assertEquals("sink", props.connectorName(), "no name: the file name");

        ConfigFile worker = file("worker.properties", "bootstrap.servers=localhost:9092\n");
        assertTrue(!worker.isConnector());
    }

    @Test
    void malformedJsonNamesFileAndLine() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> file("bad.json", "{\n  \"name\": \"x\",\n  \"config\": {\"a\": }\n}"));
        assertTrue(e.getMessage().contains("bad.json, line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void workerKeysInAConnectorFileAreRefused() throws Exception {
        ConfigFile connector = file("sink.properties", "connector.class=X\nbootstrap.servers=k:9092\n"
                + "offset.storage.file.filename=/tmp/o\nkey.converter=org.apache.kafka.connect.json.JsonConverter\n");
        BadInputException e = assertThrows(BadInputException.class,
                () -> WorkerChecks.notMixed(null, List.of(connector)));
        assertTrue(e.getMessage().contains("bootstrap.servers, offset.storage.file.filename"), e.getMessage());
        assertTrue(!e.getMessage().contains("key.converter"), "a connector may override its converter");
    }

    @Test
    void connectorKeysInAWorkerFileAreRefused() throws Exception {
        ConfigFile worker = file("worker.properties", "bootstrap.servers=k:9092\ntasks.max=2\nkinetica.url=http://k:9191\n");
        BadInputException e = assertThrows(BadInputException.class,
                () -> WorkerChecks.notMixed(worker, List.of()));
        assertTrue(e.getMessage().contains("kinetica.url, tasks.max"), e.getMessage());
    }

    @Test
    void cleanFilesPass() throws Exception {
        ConfigFile worker = file("w.properties", "bootstrap.servers=k:9092\nrest.port=8090\nplugin.path=/x\n");
        ConfigFile connector = file("c.properties", "name=a\nconnector.class=X\ntopics=t\nkinetica.url=http://k\n"
                + "transforms=r\ntransforms.r.type=org.apache.kafka.connect.transforms.RegexRouter\n");
        assertDoesNotThrow(() -> WorkerChecks.notMixed(worker, List.of(connector)));
    }

    @Test
    void duplicateNamesAreRefused() throws Exception {
        ConfigFile a = file("a.properties", "name=same\nconnector.class=X\n");
        ConfigFile b = file("b.properties", "name=same\nconnector.class=Y\n");
        BadInputException e = assertThrows(BadInputException.class, () -> WorkerChecks.uniqueNames(List.of(a, b)));
        assertTrue(e.getMessage().contains("\"same\""), e.getMessage());
    }
}

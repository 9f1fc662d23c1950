package dev.kconnect.cli.input;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectorFilesTest {

    @TempDir
    Path dir;

    private ConnectorDefinition read(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return ConnectorFiles.read(file.toString(), InputStream.nullInputStream());
    }

    private String error(String name, String content) {
        return assertThrows(BadInputException.class, () -> read(name, content)).getMessage();
    }

    @Test
    void wrappedJsonTakesTheConfigNode() throws IOException {
        ConnectorDefinition d = read("c.json", "{\"name\":\"a\",\"config\":{\"name\":\"a\",\"tasks.max\":\"3\"},\"tasks\":[],\"type\":null}");
        assertEquals(Optional.of("a"), d.name());
        assertEquals(Map.of("name", "a", "tasks.max", "3"), d.config());
    }

    @Test
    void wrappedJsonWithoutInnerNameUsesTheOuter() throws IOException {
        ConnectorDefinition d = read("c.json", "{\"name\":\"a\",\"config\":{\"tasks.max\":\"3\"}}");
        assertEquals("a", d.requireName());
        assertEquals(Map.of("tasks.max", "3", "name", "a"), d.configNamed("a"));
    }

    @Test
    void outerAndInnerNamesMustAgree() {
        String message = error("c.json", "{\"name\":\"a\",\"config\":{\"name\":\"b\"}}");
        assertTrue(message.contains("\"name\" is 'a' but config.name is 'b'"), message);
    }

    @Test
    void flatJsonTakesScalarsAsText() throws IOException {
        ConnectorDefinition d = read("c.json", "{\"name\":\"a\",\"tasks.max\":3,\"x.enabled\":true}");
        assertEquals(Map.of("name", "a", "tasks.max", "3", "x.enabled", "true"), d.config());
    }

    @Test
    void nestedValuesAreRefused() {
        String message = error("c.json", "{\"name\":\"a\",\"topics\":[\"x\"]}");
        assertTrue(message.contains("the value of \"topics\" is not a string"), message);
    }

    @Test
    void jsonErrorsGiveTheLine() {
        String message = error("c.json", "{\n  \"name\": \"a\",\n  \"x\" \"y\"\n}");
        assertTrue(message.startsWith(dir.resolve("c.json") + ", line 3: not valid JSON ("), message);
        assertEquals(1, message.lines().count());
        assertTrue(error("c.json", "[1, 2]").contains(", line 1: not a JSON object"));
        assertTrue(error("dup.json", "{\"a\":\"1\",\"a\":\"2\"}").contains("Duplicate field 'a'"));
    }

    @Test
    void propertiesWithContinuationsAndComments() throws IOException {
        ConnectorDefinition d = read("c.properties", "# comment\n! also\nname = a\nlist=x,\\\n  y\nk: v\n\n");
        assertEquals(Map.of("name", "a", "list", "x,y", "k", "v"), d.config());
    }

    @Test
    void propertiesLineWithoutSeparatorIsReportedWithoutItsContent() {
        String message = error("c.properties", "name=a\nkinetica.password hunter2\n");
        assertTrue(message.endsWith("c.properties, line 2: expected key=value; "
                + ConnectorFiles.EXPECTED), message);
        assertFalse(message.contains("hunter2"));
    }

    @Test
    void sniffsJsonWhateverTheExtension() throws IOException {
        assertEquals("a", read("c.txt", " {\"name\":\"a\"}").requireName());
        assertTrue(error("c.json", "name=a").contains("line 1: not valid JSON"));
    }

    @Test
    void emptyAndNamelessFiles() throws IOException {
        assertTrue(error("c.json", "  \n").contains(": empty; expected"));
        ConnectorDefinition nameless = read("c.properties", "tasks.max=1");
        String message = assertThrows(BadInputException.class, nameless::requireName).getMessage();
        assertTrue(message.contains("no connector name"), message);
    }

    @Test
    void dashReadsStdin() {
        ConnectorDefinition d = ConnectorFiles.read("-", new ByteArrayInputStream("name=s\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("stdin", d.source());
        assertEquals("s", d.requireName());
    }
}

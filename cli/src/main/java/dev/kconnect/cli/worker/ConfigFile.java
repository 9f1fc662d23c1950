package dev.kconnect.cli.worker;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A worker or connector settings file: Java properties, a flat JSON object, or the
 * {@code {"name": …, "config": {…}}} JSON that the Connect REST API takes. Which kind of
 * settings it holds is told by its content: connector files name a {@code connector.class}.
 */
public record ConfigFile(Path path, Map<String, String> settings) {

    public static final String CONNECTOR_CLASS = "connector.class";

    public boolean isConnector() {
        return settings.containsKey(CONNECTOR_CLASS);
    }

    /** The connector name: {@code name}, else the file name without its extension. */
    public String connectorName() {
        String name = settings.get("name");
        if (name != null && !name.isBlank()) {
            return name.trim();
        }
        String file = path.getFileName().toString();
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    /** Reads {@code path}; a file that is neither properties nor JSON is a {@link BadConfigFileException}. */
    public static ConfigFile read(Path path) {
        String text;
        try {
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            throw new BadConfigFileException(path + ": no such file");
        } catch (IOException e) {
            throw new BadConfigFileException(path + ": cannot read it: " + e.getMessage());
        }
        String trimmed = text.stripLeading();
        Map<String, String> settings = trimmed.startsWith("{") ? fromJson(path, text) : fromProperties(path, text);
        return new ConfigFile(path, settings);
    }

    private static Map<String, String> fromProperties(Path path, String text) {
        Properties props = new Properties();
        try {
            props.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new BadConfigFileException(path + ": not a valid properties file: " + e.getMessage());
        }
        Map<String, String> settings = new LinkedHashMap<>();
        props.stringPropertyNames().stream().sorted().forEach(k -> settings.put(k, props.getProperty(k).trim()));
        return settings;
    }

    private static Map<String, String> fromJson(Path path, String text) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new BadConfigFileException(path + where + ": not valid JSON: " + e.getOriginalMessage());
        }
        JsonNode config = root.has("config") && root.get("config").isObject() ? root.get("config") : root;
        Map<String, String> settings = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isContainerNode()) {
                throw new BadConfigFileException(path + ": \"" + e.getKey() + "\" must be a string, number or boolean, not "
                        + (v.isArray() ? "an array" : "an object"));
            }
            settings.put(e.getKey(), v.isNull() ? "" : v.asText());
        }
        if (config != root && root.hasNonNull("name") && !settings.containsKey("name")) {
            settings.put("name", root.get("name").asText());
        }
        return settings;
    }
}

package dev.kconnect.runtime.worker;

import dev.kconnect.cli.input.ConnectorDefinition;
import dev.kconnect.cli.input.ConnectorFiles;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A worker or connector settings file, read as {@link ConnectorFiles} reads connector files
 * (properties, flat JSON, or the REST API's {@code {"name", "config"}} JSON). Which kind of
 * settings it holds is told by its content: connector files name a {@code connector.class}.
 */
public record ConfigFile(Path path, Map<String, String> settings) {

    public static final String CONNECTOR_CLASS = "connector.class";

    /** Reads {@code path}; a file that is neither properties nor JSON is a {@code BadInputException}. */
    public static ConfigFile read(Path path) {
        ConnectorDefinition definition = ConnectorFiles.read(path.toString(), InputStream.nullInputStream());
        Map<String, String> settings = new LinkedHashMap<>(definition.config());
        definition.name().ifPresent(name -> settings.putIfAbsent("name", name));
        return new ConfigFile(path, settings);
    }

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
}

package dev.kconnect.cli.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads a connector from the forms people have: the REST body {"name": …, "config": {…}}
 * (the seed's form, also what {@code kconnect get -o json} prints), a flat config object, or a
 * connector .properties file. {@code -} reads standard input.
 */
public final class ConnectorFiles {

    static final String EXPECTED = "expected {\"name\": …, \"config\": {…}}, a flat JSON config object or a .properties file";

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ConnectorFiles() {
    }

    public static ConnectorDefinition read(String file, InputStream stdin) {
        String source = "-".equals(file) ? "stdin" : file;
        String text = "-".equals(file) ? readStdin(stdin) : readFile(Path.of(file));
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new BadInputException(source + ": empty; " + EXPECTED);
        }
        if (trimmed.startsWith("{") || trimmed.startsWith("[") || file.endsWith(".json")) {
            return json(text, source);
        }
        return properties(text, source);
    }

    /**
     * Every connector in {@code paths}: a file is read as {@link #read} does, a directory means
     * its *.json and *.properties files, in name order, less the worker files beside them (no
     * connector.class, as {@code standalone} tells them apart), each told to {@code notices}.
     */
    public static List<ConnectorDefinition> readAll(List<String> paths, InputStream stdin, Consumer<String> notices) {
        List<ConnectorDefinition> definitions = new ArrayList<>();
        for (String path : paths) {
            if ("-".equals(path) || !Files.isDirectory(Path.of(path))) {
                definitions.add(read(path, stdin));
                continue;
            }
            List<String> files = filesIn(Path.of(path));
            if (files.isEmpty()) {
                throw new BadInputException(path + ": no *.json or *.properties files in this directory");
            }
            for (String file : files) {
                ConnectorDefinition definition = read(file, stdin);
                if (definition.config().containsKey("connector.class")) {
                    definitions.add(definition);
                } else {
                    notices.accept("skipping " + file + ": no connector.class, so not a connector file (a worker's?)");
                }
            }
        }
        return definitions;
    }

    private static List<String> filesIn(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries
                    .filter(Files::isRegularFile)
                    .map(Path::toString)
                    .filter(name -> name.endsWith(".json") || name.endsWith(".properties"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot list the directory (" + e.getMessage() + ")");
        }
    }

    private static ConnectorDefinition json(String text, String source) {
        JsonNode root;
        try {
            root = STRICT.readTree(text);
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "" : ", line " + e.getLocation().getLineNr();
            throw new BadInputException(source + line + ": not valid JSON (" + oneLine(e.getOriginalMessage()) + "); " + EXPECTED);
        }
        if (root == null || !root.isObject()) {
            throw new BadInputException(source + ", line 1: not a JSON object; " + EXPECTED);
        }
        JsonNode config = root.get("config");
        if (config == null) {
            Map<String, String> flat = strings(root, source);
            return new ConnectorDefinition(Optional.ofNullable(flat.get("name")), flat, source);
        }
        if (!config.isObject()) {
            throw new BadInputException(source + ": \"config\" is not an object; " + EXPECTED);
        }
        Map<String, String> values = strings(config, source);
        Optional<String> outer = root.hasNonNull("name") ? Optional.of(root.get("name").asText()) : Optional.empty();
        String inner = values.get("name");
        if (outer.isPresent() && inner != null && !outer.get().equals(inner)) {
            throw new BadInputException(source + ": \"name\" is '" + outer.get() + "' but config.name is '" + inner
                    + "'; they must be the same");
        }
        return new ConnectorDefinition(outer.or(() -> Optional.ofNullable(inner)), values, source);
    }

    /** Connect's configs are strings; numbers and booleans written without quotes are taken as their text. */
    private static Map<String, String> strings(JsonNode object, String source) {
        Map<String, String> values = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (!value.isValueNode() || value.isNull()) {
                throw new BadInputException(source + ": the value of \"" + field.getKey()
                        + "\" is not a string; config values are strings (write lists as \"a,b\")");
            }
            values.put(field.getKey(), value.asText());
        });
        return values;
    }

    private static ConnectorDefinition properties(String text, String source) {
        checkPropertiesSyntax(text, source);
        Properties props = new Properties();
        try {
            props.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException(source + ": not a valid .properties file (" + oneLine(e.getMessage()) + "); " + EXPECTED);
        }
        Map<String, String> values = new LinkedHashMap<>();
        props.stringPropertyNames().stream().sorted().forEach(key -> values.put(key, props.getProperty(key)));
        return new ConnectorDefinition(Optional.ofNullable(values.get("name")), values, source);
    }

    /**
     * java.util.Properties accepts almost any text; a connector file has key=value (or key: value)
     * lines, comments and blank lines, so anything else is reported with its line number.
     * Line contents are never echoed: they may hold a password.
     */
    private static void checkPropertiesSyntax(String text, String source) {
        boolean continued = false;
        int number = 0;
        for (String line : text.split("\r\n|\r|\n", -1)) {
            number++;
            String stripped = line.strip();
            boolean wasContinued = continued;
            continued = endsWithOddBackslashes(line);
            if (wasContinued || stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith("!")) {
                continue;
            }
            int separator = firstSeparator(stripped);
            if (separator <= 0) {
                throw new BadInputException(source + ", line " + number + ": expected key=value"
                        + (separator == 0 ? " with a key before the '='" : "") + "; " + EXPECTED);
            }
        }
    }

    private static int firstSeparator(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '=' || c == ':') {
                return i;
            }
        }
        return -1;
    }

    private static boolean endsWithOddBackslashes(String line) {
        int count = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            count++;
        }
        return count % 2 == 1;
    }

    private static String readFile(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInputException(path + ": no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new BadInputException(path + ": not UTF-8 text; " + EXPECTED);
        } catch (IOException e) {
            throw new BadInputException(path + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static String readStdin(InputStream stdin) {
        try {
            return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException("stdin: cannot read (" + e.getMessage() + ")");
        }
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}

package dev.kconnect.cli.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kconnect.cli.client.Json;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;

/**
 * The contexts file: $KCONNECT_CONFIG, else $XDG_CONFIG_HOME/kconnect/config.json, else
 * ~/.config/kconnect/config.json. Written owner-only (0600), since it may hold headers with secrets.
 */
public final class ContextStore {

    /** What the file holds. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Contents(String current, Map<String, Context> contexts) {

        public Contents {
            contexts = contexts == null ? new TreeMap<>() : new TreeMap<>(contexts);
        }
    }

    private final Path file;

    public ContextStore(Path file) {
        this.file = file;
    }

    /** The store at the user's configured place. */
    public static ContextStore standard() {
        return new ContextStore(standardPath());
    }

    static Path standardPath() {
        // the system property serves tests, which cannot set environment variables in-process
        String explicit = System.getProperty("kconnect.config", System.getenv("KCONNECT_CONFIG"));
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("kconnect").resolve("config.json");
    }

    public Path file() {
        return file;
    }

    /** The contexts; none when the file does not exist yet. */
    public Contents load() {
        if (!Files.exists(file)) {
            return new Contents(null, Map.of());
        }
        try {
            return Json.MAPPER.readValue(file.toFile(), Contents.class);
        } catch (JsonProcessingException e) {
            throw new ContextException("the contexts file " + file + " is not valid JSON (" + e.getOriginalMessage()
                    + "); fix or remove it");
        } catch (IOException e) {
            throw new ContextException("cannot read the contexts file " + file + ": " + e.getMessage());
        }
    }

    /** Replaces the file: written beside it with mode 0600 first, then moved over it. */
    public void save(Contents contents) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempFile(dir, ".config", ".tmp",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(dir, ".config", ".tmp");
            try {
                Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), contents);
                try {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new ContextException("cannot write the contexts file " + file + ": " + e.getMessage());
        }
    }

    /** The context called {@code name}, or a one-line error listing what there is. */
    public Context get(String name) {
        Contents contents = load();
        Context context = contents.contexts().get(name);
        if (context == null) {
            throw new ContextException("no context named '" + name + "' in " + file
                    + (contents.contexts().isEmpty() ? "; add one with: kconnect context add " + name + " --url URL"
                    : "; known: " + String.join(", ", contents.contexts().keySet())));
        }
        return context;
    }
}

package dev.kconnect.cli.create;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kconnect.cli.client.Json;
import dev.kconnect.cli.input.BadInputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A file of {"offsets": [{"partition": {…}, "offset": {…}}, …]}, as {@code kconnect offsets NAME -o json} writes it. */
public final class OffsetsFile {

    private OffsetsFile() {
    }

    /** The whole document, checked before anything is sent. */
    public static JsonNode read(String file) {
        String shape = "expected {\"offsets\": [{\"partition\": {…}, \"offset\": {…}}, …]}, as kconnect offsets NAME -o json prints";
        try {
            JsonNode root = Json.MAPPER.readTree(Files.readString(Path.of(file), StandardCharsets.UTF_8));
            if (root == null || !root.path("offsets").isArray()) {
                throw new BadInputException(file + ": " + shape);
            }
            for (JsonNode entry : root.path("offsets")) {
                if (!entry.path("partition").isObject() || !(entry.path("offset").isObject() || entry.path("offset").isNull())) {
                    throw new BadInputException(file + ": each offset needs a \"partition\" object and an \"offset\" object "
                            + "(null to forget it); " + shape);
                }
            }
            return root;
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "" : ", line " + e.getLocation().getLineNr();
            throw new BadInputException(file + line + ": not valid JSON; " + shape);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file; write one with: kconnect offsets NAME -o json > " + file);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }
}

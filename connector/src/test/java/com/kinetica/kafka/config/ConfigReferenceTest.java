package com.kinetica.kafka.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigReferenceTest {

    @Test
    void committedReferenceMatchesTheConfigDefs() throws Exception {
        Path file = Path.of("docs/config-reference.md");
        assertTrue(Files.exists(file), "docs/config-reference.md is missing: build the connector module");
        assertEquals(ConfigReference.render(ConfigReference.sections()), Files.readString(file),
                "docs/config-reference.md is stale: build the connector module and commit the file");
    }

    @Test
    void everySinkOptionAppearsInTheReference() {
        String md = ConfigReference.render(ConfigReference.sections());
        for (String name : KineticaSinkConfig.configDef().names()) {
            assertTrue(md.contains("| `" + name + "` |"), name);
        }
        assertTrue(md.contains("### Deprecated names"));
    }
}

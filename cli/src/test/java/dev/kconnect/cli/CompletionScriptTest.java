package dev.kconnect.cli;

import dev.kconnect.cli.command.shell.CompletionCommand;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The committed completion script matches the command tree; the build fails when it is stale. */
class CompletionScriptTest {

    @Test
    void committedScriptIsCurrent() throws Exception {
        Path committed = Path.of("../completion/kconnect.bash");
        String expected = CompletionCommand.script(KConnect.commandLine());
        String actual = Files.exists(committed) ? Files.readString(committed) : "";
        assertEquals(expected, actual,
                "completion/kconnect.bash is stale: regenerate it with ./kconnect completion bash > completion/kconnect.bash");
    }
}

package dev.kconnect.cli.completion;

import dev.kconnect.testkit.Tools;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed completion script, run by real bash and real zsh (through bashcompinit). */
public class ShellCompletionTest {
    public static final Path SCRIPT = Path.of("../completion/kconnect.bash").toAbsolutePath();

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh"})
    void completesCommandNames(String shell) throws Exception {
        assertEquals(List.of("standalone", "status", "stop"), complete(shell, "kconnect", "st"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh"})
    void completesOptionsAndFixedValues(String shell) throws Exception {
        assertEquals(List.of("--kafka-port", "--kinetica-password-file", "--kinetica-port", "--kinetica-user"),
                complete(shell, "kconnect", "sandbox", "--k"));
        assertEquals(List.of("read", "write"), complete(shell, "kconnect", "topic", ""));
        assertEquals(List.of("zsh"), complete(shell, "kconnect", "completion", "z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh"})
    void completesFilePaths(String shell) throws Exception {
        Path dir = Files.createTempDirectory("kc-complete");
        Files.writeString(dir.resolve("sink.properties"), "");
        assertEquals(List.of(dir + "/sink.properties"), complete(shell, "kconnect", "standalone", dir + "/si"));
    }

    /** Sources the script in {@code shell}, completes the last word of {@code words}, returns the sorted candidates. */
    public static List<String> complete(String shell, String... words) throws Exception {
        return complete(shell, Map.of(), words);
    }

    public static List<String> complete(String shell, Map<String, String> env, String... words) throws Exception {
        Tools.require(shell);
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            array.append(" '").append(w.replace("'", "'\\''")).append('\'');
        }
        String body = "source '" + SCRIPT + "'\n"
                + "COMP_WORDS=(" + array + ")\n"
                + "COMP_CWORD=" + (words.length - 1) + "\n"
                + "_kconnect\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        List<String> command = shell.equals("zsh")
                // as bashcompinit calls it: COMP_WORDS a zsh array, COMP_CWORD counted from 0
                // (compinit would only register the function with zsh's widgets, which this test
                // does not drive; it is slow, so compdef is a no-op here)
                ? List.of("zsh", "-f", "-c", "compdef() { :; }; autoload -U +X bashcompinit && bashcompinit\n" + body)
                : List.of("bash", "--norc", "--noprofile", "-c", body);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "completion finished");
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertEquals(0, p.exitValue(), out);
        String typed = words[words.length - 1];
        // bashcompinit leaves matching the typed prefix to zsh's own matcher: do what it does
        return out.isEmpty() ? List.of() : Arrays.stream(out.split("\n")).filter(c -> c.startsWith(typed)).sorted().toList();
    }
}

package dev.kconnect.cli.live;

import dev.kconnect.cli.KConnect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs kconnect in a JVM of its own, for what a test cannot set in-process: environment
 * variables (KCONNECT_URL, KCONNECT_PASSWORD, KCONNECT_CONFIG).
 */
public final class CliProcess {

    private CliProcess() {
    }

    public static Cli.Result run(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KConnect.class.getName()));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("kconnect-out", ".txt");
            Path err = Files.createTempFile("kconnect-err", ".txt");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
                builder.environment().keySet().removeIf(k -> k.startsWith("KCONNECT_"));
                builder.environment().putAll(env);
                Process process = builder.start();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("kconnect " + String.join(" ", args) + " still ran after a minute");
                }
                int code = process.exitValue();
                return new Cli.Result(code, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package dev.kconnect.runtime.worker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code kconnect} in a JVM of its own, with this build's plugin, as a user's shell starts it. */
final class KConnectJvm {
    private KConnectJvm() {
    }

    /**
     * Starts {@code kconnect ARGS} with {@code jvmOptions}; its state goes under {@code dir}, its log
     * to {@code dir/logs/connect.log}, what it prints to {@code dir/out.txt}.
     */
    static Process start(Path dir, List<String> jvmOptions, List<String> args) throws Exception {
        return start(dir, jvmOptions, args, PipelinesTest.PLUGINS);
    }

    /** The same with these variables added to its environment. */
    static Process start(Path dir, List<String> jvmOptions, List<String> args, Map<String, String> env) throws Exception {
        return start(dir, jvmOptions, args, PipelinesTest.PLUGINS, env);
    }

    /** The same with {@code plugins} (the directory holding the plugin's directory) as the bundled plugins: another build's. */
    static Process start(Path dir, List<String> jvmOptions, List<String> args, Path plugins) throws Exception {
        return start(dir, jvmOptions, args, plugins, Map.of());
    }

    private static Process start(Path dir, List<String> jvmOptions, List<String> args, Path plugins,
                                 Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "-Dkconnect.plugins=" + plugins,
                "dev.kconnect.cli.KConnect"));
        command.addAll(args);
        command.addAll(List.of("--log-dir", dir.resolve("logs").toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile());
        pb.environment().put("KCONNECT_STATE_DIR", dir.toString());
        pb.environment().putAll(env);
        return pb.start();
    }

    /** The worker's log, or a line saying there is none. */
    static String log(Path dir) {
        try {
            return Files.readString(dir.resolve("logs/connect.log"));
        } catch (Exception e) {
            return "(no log: " + e + ")";
        }
    }
}

package dev.kconnect.cli.bench;

import dev.kconnect.cli.live.Cli;
import dev.kconnect.cli.live.TestWorker;
import dev.kconnect.testkit.Await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Wall time of {@code kconnect list} and {@code kconnect status NAME} through the launcher, beside the
 * JVM's floor ({@code java -version} with the launcher's flags for short commands) and curl making the
 * same requests, against a live local worker. The commands run interleaved, one of each per round, the
 * order reversed every other round, so that a change in the machine's load falls on all of them alike;
 * each command's ratio to the floor is the median of the rounds' own ratios. {@code JAVA_HOME} picks
 * the Java (the launcher's and the floor's). Not a test: how to run it, and the numbers, are in
 * cli/BENCHMARKS.md.
 */
public final class StartupBench {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String launcher = Path.of("..", "kconnect").toAbsolutePath().normalize().toString();
        String home = System.getenv().getOrDefault("JAVA_HOME", System.getProperty("java.home"));
        String java = Path.of(home, "bin", "java").toString();
        try (TestWorker worker = TestWorker.start()) {
            String url = worker.url();
            Path file = Files.createTempFile("bench", ".json");
            Files.writeString(file, "{\"name\":\"bench-ticks\",\"connector.class\":"
                    + "\"dev.kconnect.cli.testplugins.TickSourceConnector\",\"tasks.max\":\"2\",\"topic\":\"bench\"}");
            check(Cli.runAgainst(url, "create", "--file", file.toString()));
            Await.until("bench-ticks to run", Duration.ofSeconds(60),
                    () -> Cli.runAgainst(url, "status", "bench-ticks").out().contains("1     RUNNING"));
            Map<String, List<String>> commands = new LinkedHashMap<>();
            commands.put("JVM floor (java -version)", List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-XX:-UsePerfData", "-Xlog:disable", "-Xlog:all=error:stderr", "-version"));
            commands.put("kconnect list", List.of(launcher, "list", "--url", url));
            commands.put("kconnect status bench-ticks", List.of(launcher, "status", "bench-ticks", "--url", url));
            commands.put("curl (list, expanded)", List.of("curl", "-sf", url + "/connectors?expand=status&expand=info"));
            commands.put("curl (status)", List.of("curl", "-sf", url + "/connectors/bench-ticks/status"));
            Map<String, List<Double>> millis = new LinkedHashMap<>();
            commands.keySet().forEach(k -> millis.put(k, new ArrayList<>()));
            List<String> order = new ArrayList<>(commands.keySet());
            for (int round = 0; round < rounds + 2; round++) { // the first two warm the page cache and the archive
                for (String what : order) {
                    double ms = run(commands.get(what), home);
                    if (round >= 2) {
                        millis.get(what).add(ms);
                    }
                }
                Collections.reverse(order);
            }
            System.out.printf("worker %s, Java %s, %d rounds, milliseconds of wall time%n", url, home, rounds);
            System.out.printf("%-30s %7s %7s %7s %9s%n", "", "median", "min", "max", "/ floor");
            List<Double> floor = millis.get("JVM floor (java -version)");
            for (Map.Entry<String, List<Double>> e : millis.entrySet()) {
                List<Double> ratios = new ArrayList<>();
                for (int i = 0; i < e.getValue().size(); i++) {
                    ratios.add(e.getValue().get(i) / floor.get(i));
                }
                System.out.printf("%-30s %7.0f %7.0f %7.0f %9.2f%n", e.getKey(), median(e.getValue()),
                        Collections.min(e.getValue()), Collections.max(e.getValue()), median(ratios));
            }
        }
        System.exit(0);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static void check(Cli.Result result) {
        if (result.code() != 0) {
            throw new IllegalStateException(result.toString());
        }
    }

    private static double run(List<String> command, String javaHome) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("JAVA_HOME", javaHome);
        long start = System.nanoTime();
        int code = pb.start().waitFor();
        double ms = (System.nanoTime() - start) / 1e6;
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + code);
        }
        return ms;
    }
}

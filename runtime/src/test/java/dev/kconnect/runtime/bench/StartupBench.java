package dev.kconnect.runtime.bench;

import dev.kconnect.cli.live.Cli;
import dev.kconnect.cli.live.TestWorker;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Wall time of {@code kconnect list} and {@code kconnect status NAME} through the launcher,
 * next to curl making the same request, against a live local worker. Not a test: how to run it,
 * and the numbers, are in cli/BENCHMARKS.md.
 */
public final class StartupBench {

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String launcher = Path.of("..", "kconnect").toAbsolutePath().normalize().toString();
        try (TestWorker worker = TestWorker.start()) {
            String url = worker.url();
            Path file = Files.createTempFile("bench", ".json");
            Files.writeString(file, "{\"name\":\"bench-ticks\",\"connector.class\":"
                    + "\"dev.kconnect.cli.testplugins.TickSourceConnector\",\"tasks.max\":\"2\",\"topic\":\"bench\"}");
            check(Cli.runAgainst(url, "create", "--file", file.toString()));
            while (!Cli.runAgainst(url, "status", "bench-ticks").out().contains("1     RUNNING")) {
                Thread.sleep(200);
            }
            System.out.printf("worker %s, %d runs each, milliseconds of wall time%n", url, runs);
            System.out.printf("%-28s %7s %7s %7s%n", "", "median", "min", "max");
            measure("kconnect list", runs, launcher, "list", "--url", url);
            measure("curl (list, expanded)", runs, "curl", "-sf", url + "/connectors?expand=status&expand=info");
            measure("kconnect status bench-ticks", runs, launcher, "status", "bench-ticks", "--url", url);
            measure("curl (status)", runs, "curl", "-sf", url + "/connectors/bench-ticks/status");
            measure("kconnect --version", runs, launcher, "--version");
            measure("JVM floor (java -version)", runs, "java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-version");
        }
        System.exit(0);
    }

    private static void check(Cli.Result result) {
        if (result.code() != 0) {
            throw new IllegalStateException(result.toString());
        }
    }

    private static void measure(String what, int runs, String... command) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs + 3; i++) {
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.to(new File("/dev/null")))
                    .start();
            int code = process.waitFor();
            double ms = (System.nanoTime() - start) / 1e6;
            if (code != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + code);
            }
            if (i >= 3) {
                millis.add(ms); // the first runs warm the page cache
            }
        }
        Collections.sort(millis);
        System.out.printf("%-28s %7.0f %7.0f %7.0f%n", what, millis.get(millis.size() / 2), millis.get(0),
                millis.get(millis.size() - 1));
    }
}

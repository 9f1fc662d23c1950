package dev.kconnect.cli.cds;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A helper of the training in a JVM of its own, so that none of its classes enters what the training
 * records: it prints a line starting with its ready prefix and what follows is its address; it runs
 * until its standard input ends.
 */
final class TrainingProcess implements AutoCloseable {

    private final Process process;
    private final CompletableFuture<String> address = new CompletableFuture<>();

    TrainingProcess(Class<?> main, String ready) throws IOException {
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), main.getName())
                .redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = process.inputReader()) {
                // read to the end, so that the helper never blocks on a full pipe
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith(ready)) {
                        address.complete(line.substring(ready.length()));
                    }
                }
            } catch (IOException e) {
                // the helper is gone: no address
            }
            address.complete(null);
        }, "training-" + main.getSimpleName());
        reader.setDaemon(true);
        reader.start();
    }

    /** The address the helper printed when ready, or null when it did not within {@code timeout}. */
    String address(Duration timeout) throws InterruptedException {
        try {
            return address.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    @Override
    public void close() throws InterruptedException, IOException {
        process.getOutputStream().close(); // the helper stops when its input ends
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}

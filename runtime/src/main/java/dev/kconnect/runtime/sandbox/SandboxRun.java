package dev.kconnect.runtime.sandbox;

import dev.kconnect.cli.command.workers.SandboxSettings;
import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.input.BadInputException;
import dev.kconnect.runtime.worker.WorkerArchive;
import dev.kconnect.runtime.worker.WorkerLogging;
import dev.kconnect.runtime.worker.WorkerStartException;
import dev.kconnect.sandbox.PortInUseException;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/** {@code kconnect sandbox}: start everything, say what runs where, run until Ctrl-C. */
public final class SandboxRun implements Callable<Integer> {
    private static final long DEMO_INTERVAL_MS = 5000;

    private final int kafkaPort;
    private final int kineticaPort;
    private final int controlPort;
    private final int restPort;
    private final Path dataDir;
    /** The demo to run: {@code pipeline}, {@code cdc}, or null for none. */
    private final String demo;
    private final Path logDir;
    private final Login login;
    private final Path bundledPlugins;
    private final PrintWriter out;
    private final PrintWriter err;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicReference<Sandbox> running = new AtomicReference<>();
    /** The demo running, once it has made its connectors. */
    private final AtomicReference<DemoFeed> demoFeed = new AtomicReference<>();
    private final Thread stopOnExit = new Thread(this::stop, "kconnect-sandbox-stop");

    public SandboxRun(int kafkaPort, int kineticaPort, int controlPort, int restPort, Path dataDir, String demo, Path logDir,
                      Login login, Path bundledPlugins, PrintWriter out, PrintWriter err) {
        this.kafkaPort = kafkaPort;
        this.kineticaPort = kineticaPort;
        this.controlPort = controlPort;
        this.restPort = restPort;
        this.dataDir = dataDir;
        this.demo = demo;
        this.logDir = logDir;
        this.login = login;
        this.bundledPlugins = bundledPlugins;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        Path log = WorkerLogging.start(logDir, "sandbox.log", "sandbox", "WARN");
        out.println("Starting Kafka, the Kinetica emulator and a Connect worker (log: " + log + ")...");
        out.flush();
        Sandbox sandbox;
        Path kafkaDir = null;
        try {
            kafkaDir = dataDir != null ? dataDir.resolve("kafka") : Files.createTempDirectory("kconnect-sandbox-");
            Files.createDirectories(kafkaDir);
            sandbox = Sandbox.start(kafkaPort, kineticaPort, controlPort, restPort, kafkaDir, dataDir == null, login, bundledPlugins, out);
        } catch (PortInUseException e) {
            removeTemporary(kafkaDir);
            throw new BadInputException(e.getMessage(), e); // a port option names a taken port
        } catch (WorkerStartException e) {
            removeTemporary(kafkaDir);
            throw e.detailsIn(log);
        } catch (IOException e) {
            removeTemporary(kafkaDir);
            throw new UncheckedIOException(e);
        }
        WorkerArchive.workerUp();
        running.set(sandbox);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        printSummary(sandbox, log);
        if (demo != null) {
            runDemo(sandbox);
        }
        awaitStop();
        return ExitCode.OK;
    }

    /** A start that failed leaves no temporary Kafka directory behind (a running sandbox removes its own on stop). */
    private void removeTemporary(Path kafkaDir) {
        if (dataDir != null || kafkaDir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(kafkaDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            err.println("kconnect sandbox: cannot remove " + kafkaDir + " (" + e.getMessage() + ")");
        }
    }

    private void printSummary(Sandbox sandbox, Path log) {
        String rest = sandbox.worker().restUrl();
        out.println();
        out.println("kconnect sandbox is running; Ctrl-C stops it.");
        out.println("  Kafka broker        " + sandbox.kafka().bootstrapServers());
        out.println("  Kinetica emulator   " + sandbox.kinetica().url() + "   (tables in memory; "
                + String.join(" and ", Sandbox.GUIDE_TABLES) + " are ready for the guide's source)");
        if (login.required()) {
            out.println("                      requires user " + login.user() + " and the password given "
                    + "(connectors: kinetica.username, kinetica.password)");
        }
        out.println("  Fault controls      " + sandbox.kinetica().controlUrl() + "   (they answer while Kinetica is down)");
        out.println("  Connect REST API    " + rest + "   (Kinetica sink and source plugins loaded)");
        out.println("  Log                 " + log);
        out.println();
        out.println("Try, in another terminal:");
        String url = restPort == 8083 ? "" : " --url " + rest;
        // ./kconnect in a fresh clone, kconnect once installed: the launcher says which
        String self = System.getenv().getOrDefault("KCONNECT_SELF", "kconnect");
        out.println("  " + self + " list" + url);
        out.println("  " + self + " create --file examples/kinetica-source-connector.json" + url);
        out.println("  " + self + " status kinetica-source-connector" + url);
        out.println("  curl -s " + rest + "/connectors");
        out.println("  " + self + " sandbox fault kinetica down --for 30s"
                + (controlPort == SandboxSettings.CONTROL_PORT ? "" : " --control-url " + sandbox.kinetica().controlUrl()));
        out.println();
        out.flush();
    }

    private void runDemo(Sandbox sandbox) {
        try (DemoFeed feed = demo.equals(SandboxSettings.CDC_DEMO) ? CdcDemo.start(sandbox, err) : Demo.start(sandbox, err)) {
            demoFeed.set(feed);
            sandbox.worker().reportStates(feed.connectors());
            out.println(feed.describe());
            out.flush();
            feed.feed(5);
            while (!stopping.await(DEMO_INTERVAL_MS, TimeUnit.MILLISECONDS)) {
                demoRound(feed);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (stopping.getCount() > 0) {
                err.println("kconnect sandbox: the demo stopped: " + e.getMessage() + "; the sandbox keeps running");
                err.flush();
            }
        }
    }

    /**
     * One line of progress and the next rows. A round that fails (the emulator made to go down
     * with {@code kconnect sandbox fault}, say) says so and the demo goes on, as the connectors do.
     */
    private void demoRound(DemoFeed feed) {
        try {
            out.println(feed.progress());
            feed.feed(5);
        } catch (Exception e) {
            out.println("demo: " + e.getMessage().lines().findFirst().orElse("") + "; trying again in "
                    + DEMO_INTERVAL_MS / 1000 + " s");
        }
        out.flush();
    }

    /** Stops everything (once); Ctrl-C calls it through a shutdown hook. */
    public void stop() {
        Sandbox sandbox = running.getAndSet(null);
        if (sandbox == null) {
            return;
        }
        if (Thread.currentThread() != stopOnExit) {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        }
        stopping.countDown();
        out.println("Stopping the sandbox...");
        out.flush();
        try {
            sandbox.close();
        } finally {
            stopped.countDown();
        }
    }

    /** The running sandbox, or null before it started and after it stopped. */
    public Sandbox sandbox() {
        return running.get();
    }

    /** The demo running, or null (none asked, or not started yet). */
    DemoFeed demo() {
        return demoFeed.get();
    }

    private void awaitStop() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

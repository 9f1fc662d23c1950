package dev.kconnect.cli.worker;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.slf4j.LoggerFactory;

import javax.crypto.KeyGenerator;
import javax.net.ssl.SSLContext;
import java.lang.management.ManagementFactory;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * A worker's main thread starts one piece after the other: on its way to RUNNING it fills JVM-wide
 * caches and pays for first uses while the second core is often idle. This thread does those first,
 * in the order the worker needs them, as picocli parses the command line and kconnect checks the
 * files: RUNNING 0.1-0.3 s sooner on Java 17, for up to 0.3 s more CPU (cli/BENCHMARKS.md).
 */
public final class WorkerWarmup {
    private static final Set<String> COMMANDS = Set.of("standalone", "distributed", "sandbox");
    private static final Set<String> HELP = Set.of("-h", "--help", "-V", "--version");
    private static final CountDownLatch LOGGING = new CountDownLatch(1);
    private static volatile boolean started;

    private WorkerWarmup() {
    }

    /**
     * Starts the warm-up when {@code args} run a worker (not its help, nor {@code sandbox fault},
     * which talks to a running sandbox); says whether it did.
     */
    public static boolean startFor(String command, String[] args) {
        if (!runsWorker(command, args)) {
            return false;
        }
        started = true;
        Thread thread = new Thread(WorkerWarmup::run, "kconnect-warmup");
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    static boolean runsWorker(String command, String[] args) {
        if (command == null || !COMMANDS.contains(command) || List.of(args).stream().anyMatch(HELP::contains)) {
            return false;
        }
        int at = List.of(args).indexOf(command);
        return !(command.equals("sandbox") && at + 1 < args.length && args[at + 1].equals("fault"));
    }

    /**
     * Waits until logging has started. Loggers asked for meanwhile would log through log4j2's
     * default configuration (errors only) until then, and a JVM that exits while log4j2 starts can
     * print its errors.
     */
    public static void awaitLogging() {
        try {
            if (started) {
                LOGGING.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void run() {
        try {
            // slf4j's lookup opens every jar on the class path; the first logger starts log4j2
            LoggerFactory.getLogger(WorkerWarmup.class);
            LOGGING.countDown();
            KeyGenerator.getInstance("HmacSHA256"); // Connect's worker settings: loads every security provider
            ManagementFactory.getPlatformMBeanServer(); // Kafka's and Connect's metrics
            Locale.getAvailableLocales(); // Jetty's MimeTypes copies the list: ~85 ms the first time
            jersey();
            // the Kinetica client (gpudb-api) builds one as its task starts, whatever the URL: ~200 ms the first time
            SSLContext.getInstance("TLS").init(null, null, null);
        } catch (GeneralSecurityException | RuntimeException | LinkageError e) {
            // only time is lost: the worker does the same itself, and reports what fails
        } finally {
            LOGGING.countDown();
        }
    }

    /**
     * Connect's REST server has Jersey build its application on the main thread. Most of that goes
     * to what any first application costs (HK2, Jersey's own providers, reflection): a small one
     * built here leaves the main thread only the part that is Connect's.
     */
    private static void jersey() {
        ResourceConfig config = new ResourceConfig()
                .register(new JacksonJsonProvider())
                .register(Resource.class)
                .property(ServerProperties.WADL_FEATURE_DISABLE, true); // as Connect's
        new ApplicationHandler(config).getInjectionManager().shutdown();
    }

    /** A resource shaped like Connect's; never served. */
    @Path("/connectors")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    public static final class Resource {
        @GET
        @Path("/{connector}/status")
        public Map<String, String> status(@PathParam("connector") String connector, @QueryParam("expand") String expand) {
            return Map.of();
        }
    }
}

package dev.kconnect.cli.sandbox;

import dev.kconnect.cli.ExitCode;
import dev.kconnect.sandbox.Ports;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kconnect sandbox} comes up with all three servers and stops cleanly. */
class SandboxRunTest {
    static final Path PLUGINS = Path.of("target/plugins");

    @Test
    void comesUpAnswersRestAndStops() throws Exception {
        // the seed's port when it is free here, another one otherwise
        int rest = Ports.isFree(8083) ? 8083 : Ports.free();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        SandboxRun run = new SandboxRun(Ports.free(), Ports.free(), rest, null, false,
                Files.createTempDirectory("kconnect-logs"), PLUGINS, new PrintWriter(out, true), new PrintWriter(err, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(run::call);
        String body = null;
        for (int i = 0; i < 240 && body == null && !exit.isDone(); i++) {
            try {
                HttpResponse<String> response = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rest + "/connectors")).build(),
                        HttpResponse.BodyHandlers.ofString());
                // the listener opens before the REST resources are registered
                body = response.statusCode() == 200 ? response.body() : null;
            } catch (java.io.IOException e) {
                // not listening yet
            }
            if (body == null) {
                Thread.sleep(250);
            }
        }
        assertEquals("[]", body, "GET /connectors; out=" + out + " err=" + err);
        while (run.sandbox() == null) {
            Thread.sleep(50);
        }
        String plugins = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rest + "/connector-plugins")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(plugins.contains("com.kinetica.kafka.KineticaSinkConnector"), plugins);
        assertTrue(out.toString().contains("Connect REST API    http://127.0.0.1:" + rest), out.toString());
        assertTrue(out.toString().contains(run.sandbox().kinetica().url()), out.toString());
        assertTrue(run.sandbox().kinetica().hasTable(Sandbox.GUIDE_TABLE), "the guide's source JSON runs as it is");

        run.stop();
        assertEquals(ExitCode.OK, exit.get(60, TimeUnit.SECONDS));
        assertTrue(Ports.isFree(rest), "the REST port is released");
    }

    @Test
    void aTakenPortIsAClearError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            StringWriter err = new StringWriter();
            SandboxRun run = new SandboxRun(Ports.free(), taken.getLocalPort(), Ports.free(), null, false,
                    Files.createTempDirectory("kconnect-logs"), PLUGINS, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
            assertEquals(ExitCode.USAGE, run.call());
            assertTrue(err.toString().contains("Kinetica emulator (--kinetica-port): port " + taken.getLocalPort()
                    + " on 127.0.0.1 is already in use"), err.toString());
        }
    }
}

package dev.kconnect.cli;

import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.live.Cli;
import dev.kconnect.cli.live.Cli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A 50 MB connector file sent to a server that refuses large bodies (a proxy in front of the worker,
 * say): the refusal is reported as such, not as a broken pipe.
 */
class RefusedBodyTest {

    @TempDir
    Path dir;

    @Test
    void aRefusedBodyIsReportedAsTheServerSaidIt() throws Exception {
        Path big = dir.resolve("big.properties");
        try (var out = Files.newBufferedWriter(big)) {
            out.write("name=big\nconnector.class=dev.kconnect.cli.testplugins.TickSourceConnector\n");
            String value = "v".repeat(60);
            for (int i = 0; i < 700_000; i++) {
                out.write("key" + i + "=" + value + "\n");
            }
        }
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread refusing = new Thread(() -> refuseOne(server), "refusing-server");
            refusing.setDaemon(true);
            refusing.start();
            Result r = Cli.runAgainst("http://127.0.0.1:" + server.getLocalPort(), "create", "-f", big.toString());
            assertEquals(ExitCode.USAGE, r.code(), r::toString);
            assertEquals("kconnect: the worker answered HTTP 413: request body too large\n", r.err());
        }
    }

    /** Reads the request head, answers 413 at once and closes, never reading the body (as Jetty or nginx do). */
    private static void refuseOne(ServerSocket server) {
        try (Socket socket = server.accept()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                // the request line and headers
            }
            OutputStream out = socket.getOutputStream();
            String body = "{\"error_code\":413,\"message\":\"request body too large\"}";
            out.write(("HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json\r\nConnection: close\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            // the test reports what the client saw
        }
    }
}

package dev.kconnect.cli;

import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.live.Cli;
import dev.kconnect.cli.live.Cli.Result;
import dev.kconnect.cli.live.CliProcess;
import dev.kconnect.cli.live.SilentSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A worker that accepts connections and never answers: every command gives up, with exit 6. */
class TimeoutTest {

    static final String CONNECTOR = "{\"name\": \"hung\", \"connector.class\": \"dev.kconnect.cli.testplugins.TickSourceConnector\"}";

    static SilentSocket silent;

    @BeforeAll
    static void listen() {
        silent = new SilentSocket();
    }

    @AfterAll
    static void close() throws IOException {
        silent.close();
    }

    @Test
    void everyRequestGivesUpAfterTheRequestTimeout() {
        for (String[] command : new String[][] {{"list"}, {"status", "hung"}, {"get", "hung"}}) {
            Result r = Cli.runAgainst(silent.url(), append(command, "--request-timeout", "1"));
            assertEquals(ExitCode.TIMED_OUT, r.code(), r::toString);
            assertTrue(r.err().startsWith("kconnect: the Connect worker at " + silent.url() + " did not answer GET /connectors"),
                    r::toString);
            assertTrue(r.err().contains("within 1 s; check the worker's log, or allow more time with --request-timeout"),
                    r::toString);
            assertEquals(1, r.err().lines().count(), r::toString);
        }
    }

    @Test
    void theEnvironmentSetsTheRequestTimeout() {
        Result r = CliProcess.run(Map.of("KCONNECT_REQUEST_TIMEOUT", "1", "KCONNECT_URL", silent.url()), "list");
        assertEquals(ExitCode.TIMED_OUT, r.code(), r::toString);
        assertTrue(r.err().contains("did not answer GET /connectors within 1 s"), r::toString);
    }

    @Test
    void waitTimeoutBoundsTheWholeCommandHungRequestsIncluded() {
        // the request timeout (30 s by default) is longer than --timeout: the command still ends at --timeout
        Result r = Cli.runWithStdinAgainst(silent.url(), CONNECTOR, "create", "--file", "-", "--wait", "--timeout", "1");
        assertEquals(ExitCode.TIMED_OUT, r.code(), r::toString);
        assertEquals("kconnect: the Connect worker at " + silent.url() + " did not answer POST /connectors before "
                + "--timeout 1 s ran out; check the worker's log\n", r.err(), r::toString);
    }

    @Test
    void waitTimeoutBoundsAConnectionThatHangs() throws Exception {
        // a listener whose queue is full: the kernel drops further connection requests, as a firewall would
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> queued = new ArrayList<>();
            try {
                for (boolean queuing = true; queuing; ) {
                    Socket socket = new Socket();
                    queued.add(socket);
                    try {
                        socket.connect(full.getLocalSocketAddress(), 500);
                    } catch (SocketTimeoutException e) {
                        queuing = false; // the queue is full: the next connection hangs too
                    }
                }
                String url = "http://127.0.0.1:" + full.getLocalPort();
                Result r = Cli.runWithStdinAgainst(url, CONNECTOR, "create", "--file", "-", "--wait", "--timeout", "1");
                assertEquals(ExitCode.TIMED_OUT, r.code(), r::toString);
                assertEquals("kconnect: the Connect worker at " + url + " did not answer POST /connectors before "
                        + "--timeout 1 s ran out; check the worker's log\n", r.err(), r::toString);
            } finally {
                for (Socket socket : queued) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void aTimeoutThatIsNoNumberOfSecondsIsAUsageError() {
        Result r = Cli.runAgainst(silent.url(), "list", "--request-timeout", "0");
        assertEquals(ExitCode.USAGE, r.code(), r::toString);
        assertTrue(r.err().startsWith("kconnect: --request-timeout (or KCONNECT_REQUEST_TIMEOUT) must be a number of "
                + "seconds above 0, not 0"), r::toString);
    }

    private static String[] append(String[] command, String... more) {
        String[] all = java.util.Arrays.copyOf(command, command.length + more.length);
        System.arraycopy(more, 0, all, command.length, more.length);
        return all;
    }
}

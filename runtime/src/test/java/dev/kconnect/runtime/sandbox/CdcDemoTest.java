package dev.kconnect.runtime.sandbox;

import dev.kconnect.sandbox.Ports;
import dev.kconnect.testkit.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kconnect sandbox --demo cdc}: Debezium change events of a table, sent every few seconds,
 * applied by the sink: the Kinetica table follows the source table, deletes included.
 */
class CdcDemoTest {
    @TempDir
    Path logs;

    @Test
    void theTableFollowsTheSourceRoundAfterRound() throws Exception {
        StringWriter out = new StringWriter();
        SandboxRun run = new SandboxRun(Ports.free(), Ports.free(), Ports.free(), Ports.free(), null,
                dev.kconnect.cli.command.workers.SandboxSettings.CDC_DEMO, logs, Login.NONE, SandboxRunTest.PLUGINS, new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(run::call);
        try {
            Await.until("the demo to start", Duration.ofSeconds(90), () -> run.demo() != null || exit.isDone(),
                    out::toString);
            CdcDemo demo = (CdcDemo) run.demo();
            // two rounds at least: the first five creates, then changes of rows that exist; the demo goes
            // on meanwhile, so the table is compared with the source whenever the two can be seen at rest
            Await.until("the table equal to the source after a second round", Duration.ofSeconds(60),
                    () -> out.toString().contains("equal to the source: yes") && demo.source().size() >= 5
                            && demo.table().equals(demo.source()), out::toString);
            assertTrue(out.toString().contains("topic '" + CdcDemo.TOPIC + "'"), out.toString());
        } finally {
            run.stop();
        }
        assertEquals(0, exit.get(60, TimeUnit.SECONDS));
    }
}

package dev.kconnect.runtime.launch;

import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.live.Cli;
import dev.kconnect.cli.live.Cli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The worker commands' refusals leave through the one error handler, as every command's do, with
 * the command's name in front: their lines stand among a worker's log lines. No worker starts.
 */
class WorkerCommandErrorsTest {

    @TempDir
    Path dir;

    @Test
    void standaloneWithoutAConnectorFileNamesItself() throws Exception {
        Path worker = Files.writeString(dir.resolve("worker.properties"), "bootstrap.servers=localhost:9092\n");
        Result r = Cli.runRaw("standalone", worker.toString(), "--log-dir", dir.toString());
        assertEquals(ExitCode.USAGE, r.code(), r::toString);
        assertEquals("kconnect standalone: no connector file given (a connector file sets connector.class)\n", r.err());
    }

    @Test
    void distributedGivenAConnectorFileNamesItself() throws Exception {
        Path connector = Files.writeString(dir.resolve("sink.properties"), "name=s\nconnector.class=x.Sink\n");
        Result r = Cli.runRaw("distributed", connector.toString(), "--log-dir", dir.toString());
        assertEquals(ExitCode.USAGE, r.code(), r::toString);
        assertEquals("kconnect distributed: " + connector + " is a connector file (it sets connector.class); start the "
                + "worker with its worker file, then: kconnect create --file " + connector + "\n", r.err());
    }
}

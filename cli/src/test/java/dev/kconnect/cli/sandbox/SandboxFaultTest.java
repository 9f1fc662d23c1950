package dev.kconnect.cli.sandbox;

import com.gpudb.GPUdb;
import com.gpudb.GPUdbBase;
import com.gpudb.GPUdbException;
import dev.kconnect.cli.live.Cli;
import dev.kconnect.sandbox.Ports;
import dev.kconnect.sandbox.kinetica.KineticaEmulator;
import dev.kconnect.testkit.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kconnect sandbox fault}: from another process's point of view, against a real emulator and client. */
class SandboxFaultTest {
    @AutoClose
    static final KineticaEmulator emu = KineticaEmulator.start(0);
    static final GPUdb db = emu.client();

    @AfterEach
    void heal() {
        emu.faults().reset();
    }

    static Cli.Result fault(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "sandbox";
        all[1] = "fault";
        System.arraycopy(args, 0, all, 2, args.length);
        all[all.length - 2] = "--kinetica-url";
        all[all.length - 1] = emu.url();
        return Cli.runRaw(all);
    }

    @Test
    void failingCallsReachTheRealClientAndStatusShowsThem() {
        Cli.Result set = fault("kinetica", "fail", "--calls", "2");
        assertEquals(0, set.code(), set.toString());
        assertEquals("Kinetica emulator at " + emu.url() + ": the next 2 call(s) fail\n", set.out());
        assertThrows(GPUdbException.class, () -> db.showSystemProperties(GPUdbBase.options()));
        assertEquals("Kinetica emulator at " + emu.url() + ": the next 1 call(s) fail\n", fault("kinetica").out());
    }

    @Test
    void downRefusesConnectionsForAWhile() {
        // long enough to be seen down however slow the machine; heal() brings it back
        Cli.Result set = fault("kinetica", "down", "--for", "30s");
        assertEquals(0, set.code(), set.toString());
        assertTrue(set.out().contains("down for 30 s (comes back by itself)"), set.out());
        // it goes down a moment after answering
        Cli.Result whileDown = Await.poll(Duration.ofSeconds(10), () -> fault("kinetica"), r -> r.code() != 0);
        assertEquals(4, whileDown.code(), whileDown.toString());
        assertTrue(whileDown.err().contains("does not answer"), whileDown.err());
    }

    @Test
    void refuseLatencyResetAndMistakes() {
        assertTrue(fault("kinetica", "refuse", "seq=13").out().endsWith("refusing records with seq=13\n"));
        assertTrue(fault("kinetica", "latency", "20ms").out().contains("20 ms latency on every call"));
        assertEquals("Kinetica emulator at " + emu.url() + ": no faults\n", fault("kinetica", "reset").out());

        Cli.Result noCalls = fault("kinetica", "fail");
        assertEquals(2, noCalls.code());
        assertTrue(noCalls.err().contains("fail needs --calls N"), noCalls.err());
        Cli.Result badTarget = fault("kafka", "down");
        assertEquals(2, badTarget.code());
        assertTrue(badTarget.err().contains("unknown target 'kafka'"), badTarget.err());
        assertEquals(2, fault("kinetica", "latency", "soon").code());
        assertEquals(2, fault("kinetica", "explode").code());

        Cli.Result nobody = Cli.runRaw("sandbox", "fault", "kinetica", "--kinetica-url",
                "http://127.0.0.1:" + Ports.free());
        assertEquals(4, nobody.code());
        assertTrue(nobody.err().contains("does not answer"), nobody.err());
    }
}

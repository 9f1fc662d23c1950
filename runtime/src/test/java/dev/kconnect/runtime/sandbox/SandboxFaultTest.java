package dev.kconnect.runtime.sandbox;

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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kconnect sandbox fault}: from another process's point of view, against a real emulator and
 * client, through the emulator's fault controls.
 */
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
        all[all.length - 2] = "--control-url";
        all[all.length - 1] = emu.controlUrl();
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

    /** The controls answer while Kinetica is down: every fault is set then, and reset ends the outage early. */
    @Test
    void everyFaultIsSetWhileDownAndResetEndsTheOutage() throws GPUdbException {
        Cli.Result set = fault("kinetica", "down", "--for", "30m");
        assertEquals(0, set.code(), set.toString());
        assertTrue(set.out().contains("down for 1800 s (comes back by itself, or at reset)"), set.out());
        // it goes down a moment after answering
        Await.until("the emulator to go down", Duration.ofSeconds(10), () -> !answers());
        for (String[] action : List.of(new String[] {"latency", "20ms"}, new String[] {"fail", "--calls", "3"},
                new String[] {"refuse", "seq=13"}, new String[] {"deny"}, new String[] {"down", "--for", "45s"})) {
            String[] args = new String[action.length + 1];
            args[0] = "kinetica";
            System.arraycopy(action, 0, args, 1, action.length);
            Cli.Result r = fault(args);
            assertEquals(0, r.code(), r.toString());
        }
        String all = fault("kinetica").out();
        assertTrue(all.matches("Kinetica emulator at " + emu.url() + ": down for \\d+ s \\(comes back by itself, or at "
                + "reset\\), the next 3 call\\(s\\) fail, 20 ms latency on every call, refusing records with seq=13, "
                + "rejecting every call's credentials\n"), all);

        assertEquals("Kinetica emulator at " + emu.url() + ": no faults\n", fault("kinetica", "reset").out());
        db.showSystemProperties(GPUdbBase.options()); // answers again, at once
    }

    private static boolean answers() {
        try {
            db.showSystemProperties(GPUdbBase.options());
            return true;
        } catch (GPUdbException e) {
            return false;
        }
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

        Cli.Result nobody = Cli.runRaw("sandbox", "fault", "kinetica", "--control-url",
                "http://127.0.0.1:" + Ports.free());
        assertEquals(4, nobody.code());
        assertTrue(nobody.err().contains("do not answer: is kconnect sandbox running?"), nobody.err());
    }
}

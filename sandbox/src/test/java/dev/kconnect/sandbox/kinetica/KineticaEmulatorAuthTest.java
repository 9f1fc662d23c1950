package dev.kconnect.sandbox.kinetica;

import com.gpudb.GPUdb;
import com.gpudb.GPUdbException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HTTP basic credentials, checked by the emulator when configured. */
class KineticaEmulatorAuthTest {
    static KineticaEmulator emu;

    @BeforeAll
    static void start() {
        emu = KineticaEmulator.builder().port(0).credentials("admin", "s3cret").start();
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @Test
    void rightCredentialsAreServed() throws GPUdbException {
        GPUdb db = Clients.direct(emu.url(), "admin", "s3cret");
        assertFalse(db.hasTable("anything", Map.of()).getTableExists());
    }

    @Test
    void wrongPasswordIsUnauthorized() {
        GPUdbException e = assertThrows(GPUdbException.class,
                () -> Clients.direct(emu.url(), "admin", "wrong").hasTable("anything", Map.of()));
        assertTrue(e.getMessage().contains("Unauthorized") || e.getMessage().contains("401"), e.getMessage());
    }

    @Test
    void missingCredentialsAreUnauthorized() {
        GPUdbException e = assertThrows(GPUdbException.class,
                () -> Clients.direct(emu.url()).hasTable("anything", Map.of()));
        assertTrue(e.getMessage().contains("Unauthorized") || e.getMessage().contains("401"), e.getMessage());
    }
}

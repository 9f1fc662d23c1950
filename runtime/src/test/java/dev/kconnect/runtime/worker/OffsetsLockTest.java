package dev.kconnect.runtime.worker;

import dev.kconnect.cli.input.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OffsetsLockTest {
    @TempDir
    Path home;

    @Test
    void createsTheFolderAndRefusesASecondHolderUntilReleased() {
        Path offsets = home.resolve("standalone").resolve("orders.offsets");
        try (OffsetsLock first = OffsetsLock.acquire(offsets, List.of("orders"))) {
            assertTrue(Files.isDirectory(offsets.getParent()));
            BadInputException e = assertThrows(BadInputException.class, () -> OffsetsLock.acquire(offsets, List.of("orders")));
            assertEquals("connector \"orders\" is already run by another worker, which holds " + offsets
                    + ".lock; stop that worker first, or name this connector differently", e.getMessage());
        }
        OffsetsLock.acquire(offsets, List.of("orders")).close();
    }
}

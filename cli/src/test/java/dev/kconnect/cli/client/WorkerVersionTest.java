package dev.kconnect.cli.client;

import dev.kconnect.cli.client.model.WorkerVersion;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkerVersionTest {

    @Test
    void apacheReleasesAndSnapshots() {
        WorkerVersion v = WorkerVersion.parse("3.5.2");
        assertEquals(3, v.major());
        assertEquals(5, v.minor());
        assertTrue(v.atLeast(3, 5));
        assertFalse(v.atLeast(3, 6));
        assertTrue(WorkerVersion.parse("4.1.0-SNAPSHOT").atLeast(3, 7));
        assertFalse(WorkerVersion.parse("2.8.1").atLeast(3, 0));
    }

    @Test
    void confluentPlatformCarriesKafkaFourMajorsLower() {
        assertEquals(3, WorkerVersion.parse("7.6.0-ccs").major());
        assertTrue(WorkerVersion.parse("7.6.0-ccs").atLeast(3, 6));
        assertFalse(WorkerVersion.parse("7.4.1-ce").atLeast(3, 5));
        assertEquals(4, WorkerVersion.parse("8.0.0-ccs").major());
    }

    @Test
    void anUnreadableVersionRefusesNothing() {
        assertTrue(WorkerVersion.parse("unknown").atLeast(9, 9));
        assertTrue(WorkerVersion.parse(null).atLeast(3, 7));
        assertEquals("unknown", WorkerVersion.parse("unknown").toString());
    }
}

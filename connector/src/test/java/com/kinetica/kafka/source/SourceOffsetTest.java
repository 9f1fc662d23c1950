package com.kinetica.kafka.source;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SourceOffsetTest {
    @Test
    void roundTripsThroughItsMap() {
        for (SourceOffset offset : new SourceOffset[]{SourceOffset.START, new SourceOffset(5L, null),
                new SourceOffset(null, 7L), new SourceOffset(1_700_000_000_123L, 42L)}) {
            assertEquals(offset, SourceOffset.fromMap(offset.toMap()));
        }
    }

    @Test
    void readsIntsAsStoredByJsonAndNothingAsTheStart() {
        assertEquals(new SourceOffset(3L, 4L), SourceOffset.fromMap(Map.of("timestamp", 3, "incrementing", 4L)));
        assertEquals(SourceOffset.START, SourceOffset.fromMap(null));
        assertEquals(SourceOffset.START, SourceOffset.fromMap(Map.of()));
    }

    @Test
    void rejectsWhatItDidNotWrite() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SourceOffset.fromMap(Map.of("incrementing", "x")));
        assertEquals("offset field 'incrementing' must be an integer, not 'x'", e.getMessage());
    }

    @Test
    void partitionIsTheTableName() {
        assertEquals(Map.of("table", "ki_home.t"), SourceOffset.partition("ki_home.t"));
    }
}

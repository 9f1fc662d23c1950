package dev.kconnect.runtime.chaos;

import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chaos run's counting, on ids whose fate is known. */
class IdTallyTest {

    @Test
    void everyIdOnceIsExactlyOnce() {
        IdTally tally = IdTally.of(5, LongStream.of(4, 0, 3, 1, 2));
        assertTrue(tally.exactlyOnce());
        assertEquals("written=5 delivered=5 distinct=5 duplicated=0 lost=0", tally.toString());
    }

    @Test
    void extraCopiesAreDuplicatesAndMissingIdsAreLost() {
        IdTally tally = IdTally.of(5, LongStream.of(0, 0, 0, 1, 3, 3));
        assertEquals(new IdTally(5, 6, 3, 3, 2, 0), tally);
        assertFalse(tally.atLeastOnce());
    }

    @Test
    void duplicatesAloneAreStillAtLeastOnce() {
        IdTally tally = IdTally.of(3, LongStream.of(0, 1, 2, 2));
        assertTrue(tally.atLeastOnce());
        assertFalse(tally.exactlyOnce());
    }

    @Test
    void anIdNobodyWroteIsNeitherDeliveredNorLostButCounted() {
        IdTally tally = IdTally.of(2, LongStream.of(0, 1, 7, -1));
        assertEquals(new IdTally(2, 4, 2, 0, 0, 2), tally);
        assertFalse(tally.atLeastOnce());
    }
}

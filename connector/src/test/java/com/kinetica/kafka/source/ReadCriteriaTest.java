package com.kinetica.kafka.source;

import com.kinetica.kafka.config.ReadMode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReadCriteriaTest {
    private static final ReadColumns INCREMENTING = new ReadColumns(ReadMode.INCREMENTING, null, false, "id");
    private static final ReadColumns TIMESTAMP = new ReadColumns(ReadMode.TIMESTAMP, "ts", false, null);
    private static final ReadColumns BOTH = new ReadColumns(ReadMode.TIMESTAMP_INCREMENTING, "ts", false, "id");

    private static SourceOffset at(Long ts, Long id) {
        return new SourceOffset(ts, id);
    }

    private static ReadCriteria.Emit emit(int index, Long ts, Long id) {
        return new ReadCriteria.Emit(index, at(ts, id));
    }

    @Test
    void incrementingReadsAfterTheLastIdInIdOrder() {
        ReadCriteria criteria = new ReadCriteria(INCREMENTING, 3, SourceOffset.START);
        assertEquals(new ReadCriteria.Query("", "id", 0, 3), criteria.next());
        List<ReadCriteria.Emit> emits = criteria.accept(List.of(at(null, 1L), at(null, 2L), at(null, 5L)), true);
        assertEquals(List.of(emit(0, null, 1L), emit(1, null, 2L), emit(2, null, 5L)), emits);
        assertEquals(new ReadCriteria.Query("id > 5", "id", 0, 3), criteria.next());
        assertEquals(List.of(), criteria.accept(List.of(), false));
        assertEquals(at(null, 5L), criteria.position());
    }

    @Test
    void resumesFromAStoredOffset() {
        assertEquals("id > 41", new ReadCriteria(INCREMENTING, 10, at(null, 41L)).next().expression());
        assertEquals("ts > 1000", new ReadCriteria(TIMESTAMP, 10, at(1000L, null)).next().expression());
        assertEquals("(ts > 1000) or (ts = 1000 and id > 7)", new ReadCriteria(BOTH, 10, at(1000L, 7L)).next().expression());
        assertEquals("ts > 1000", new ReadCriteria(BOTH, 10, at(1000L, null)).next().expression());
    }

    @Test
    void datetimeColumnsAndOddNamesAreWrittenAsKineticaReadsThem() {
        ReadColumns columns = new ReadColumns(ReadMode.TIMESTAMP_INCREMENTING, "changed at", true, "row\"id");
        ReadCriteria criteria = new ReadCriteria(columns, 10, at(1_700_000_000_123L, 9L));
        assertEquals("(\"changed at\" > '2023-11-14 22:13:20.123') or (\"changed at\" = '2023-11-14 22:13:20.123' "
                + "and \"row\"\"id\" > 9)", criteria.next().expression());
    }

    @Test
    void timestampModeHoldsTheOffsetUntilATimeIsComplete() {
        ReadCriteria criteria = new ReadCriteria(TIMESTAMP, 10, at(100L, null));
        // Kinetica returned them sorted by ts; rows of time 200 only carry 200 at the last one
        List<ReadCriteria.Emit> emits = criteria.accept(List.of(at(200L, null), at(200L, null), at(300L, null)), false);
        assertEquals(List.of(emit(0, 100L, null), emit(1, 200L, null), emit(2, 300L, null)), emits);
        assertEquals(at(300L, null), criteria.position());
    }

    @Test
    void aFullPageDropsItsLastTimeWhichMayHaveMoreRows() {
        ReadCriteria criteria = new ReadCriteria(BOTH, 4, SourceOffset.START);
        // same time 200, ids out of order within it: sent by (ts, id)
        List<ReadCriteria.Emit> emits = criteria.accept(
                List.of(at(100L, 1L), at(200L, 5L), at(200L, 3L), at(300L, 2L)), true);
        assertEquals(List.of(emit(0, 100L, 1L), emit(2, 200L, 3L), emit(1, 200L, 5L)), emits);
        assertEquals("(ts > 200) or (ts = 200 and id > 5)", criteria.next().expression());
    }

    @Test
    void oneTimeFillingThePageIsPagedByIdInTimestampIncrementingMode() {
        ReadCriteria criteria = new ReadCriteria(BOTH, 2, at(100L, 4L));
        assertEquals(List.of(), criteria.accept(List.of(at(200L, 9L), at(200L, 8L)), true));
        assertEquals(new ReadCriteria.Query("ts = 200", "id", 0, 2), criteria.next());
        assertEquals(List.of(emit(0, 200L, 1L), emit(1, 200L, 2L)), criteria.accept(List.of(at(200L, 1L), at(200L, 2L)), true));
        assertEquals(new ReadCriteria.Query("ts = 200 and id > 2", "id", 0, 2), criteria.next());
        assertEquals(List.of(emit(0, 200L, 8L)), criteria.accept(List.of(at(200L, 8L)), false));
        assertEquals(new ReadCriteria.Query("(ts > 200) or (ts = 200 and id > 8)", "ts", 0, 2), criteria.next());
    }

    @Test
    void oneTimeFillingThePageIsPagedByRowOffsetInTimestampModeAtLeastOnce() {
        ReadCriteria criteria = new ReadCriteria(TIMESTAMP, 2, at(100L, null));
        assertEquals(List.of(), criteria.accept(List.of(at(200L, null), at(200L, null)), true));
        assertEquals(new ReadCriteria.Query("ts = 200", "ts", 0, 2), criteria.next());
        // until the time is done the rows carry the previous time: a restart re-reads them all
        assertEquals(List.of(emit(0, 100L, null), emit(1, 100L, null)),
                criteria.accept(List.of(at(200L, null), at(200L, null)), true));
        assertEquals(new ReadCriteria.Query("ts = 200", "ts", 2, 2), criteria.next());
        assertEquals(List.of(emit(0, 200L, null)), criteria.accept(List.of(at(200L, null)), false));
        assertEquals(new ReadCriteria.Query("ts > 200", "ts", 0, 2), criteria.next());
    }

    @Test
    void pushedRowsAreSentInReadingOrderLeavingOutThoseAtOrBeforeTheOffset() {
        ReadCriteria criteria = new ReadCriteria(INCREMENTING, 10, at(null, 4L));
        // one insert's rows as published: out of order, two of them sent already
        List<ReadCriteria.Emit> emits = criteria.acceptPushed(List.of(at(null, 7L), at(null, 3L), at(null, 5L), at(null, 4L)));
        assertEquals(List.of(emit(2, null, 5L), emit(0, null, 7L)), emits);
        assertEquals(at(null, 7L), criteria.position());
        assertEquals("id > 7", criteria.next().expression(), "a read goes on from the last row pushed");
    }

    @Test
    void pushedRowsKeepTheOffsetsOfTheTimestampModes() {
        ReadCriteria byTime = new ReadCriteria(TIMESTAMP, 10, at(1000L, null));
        // the last timestamp sent is left out, as a read "ts > 1000" would not find it; a timestamp's
        // rows carry the offset before it until the last of them, as when read
        assertEquals(List.of(emit(2, 1500L, null), emit(0, 1500L, null), emit(1, 2000L, null)),
                byTime.acceptPushed(List.of(at(2000L, null), at(2000L, null), at(1500L, null), at(1000L, null))));
        ReadCriteria both = new ReadCriteria(BOTH, 10, at(1000L, 7L));
        assertEquals(List.of(emit(1, 1000L, 8L), emit(0, 1001L, 1L)),
                both.acceptPushed(List.of(at(1001L, 1L), at(1000L, 8L), at(1000L, 7L), at(999L, 9L))));
        assertEquals(at(1001L, 1L), both.position());
    }
}

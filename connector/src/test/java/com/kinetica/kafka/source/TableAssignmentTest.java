package com.kinetica.kafka.source;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TableAssignmentTest {
    @Test
    void oneTableManyTasksGivesOneTask() {
        assertEquals(List.of(List.of("t")), TableAssignment.assign(List.of("t"), 3));
    }

    @Test
    void tablesAreSpreadEvenlyAndNoneIsLost() {
        List<List<String>> groups = TableAssignment.assign(List.of("a", "b", "c", "d", "e"), 3);
        assertEquals(List.of(List.of("a", "b"), List.of("c", "d"), List.of("e")), groups);
        assertEquals(List.of(List.of("a"), List.of("b")), TableAssignment.assign(List.of("a", "b"), 10));
        assertEquals(List.of(List.of("a", "b")), TableAssignment.assign(List.of("a", "b"), 1));
    }
}

package com.kinetica.kafka.source;

import org.apache.kafka.connect.util.ConnectorUtils;

import java.util.List;

/** Splits the tables over the tasks: as many tasks as tables, at most maxTasks, sizes within one. */
public final class TableAssignment {
    private TableAssignment() {
    }

    public static List<List<String>> assign(List<String> tables, int maxTasks) {
        if (tables.isEmpty() || maxTasks < 1) {
            return List.of();
        }
        return ConnectorUtils.groupPartitions(tables, Math.min(maxTasks, tables.size()));
    }
}

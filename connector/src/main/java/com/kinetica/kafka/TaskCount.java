package com.kinetica.kafka;

import org.apache.kafka.connect.errors.ConnectException;

import java.util.Map;

/** The checks before a connector says what its tasks are: it was started, and some are asked for. */
final class TaskCount {
    private TaskCount() {
    }

    static void check(Map<String, String> startedWith, int maxTasks) {
        if (startedWith == null) {
            throw new ConnectException("Task configurations asked of a connector not started: start it with its "
                    + "settings first");
        }
        if (maxTasks < 1) {
            throw new ConnectException("tasks.max must be at least 1, not " + maxTasks);
        }
    }
}

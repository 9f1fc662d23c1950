package dev.kconnect.cli.output;

import dev.kconnect.cli.client.model.LoggerLevel;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code kconnect loggers}: LOGGER LEVEL CHANGED. */
public final class LoggersView implements View<Map<String, LoggerLevel>> {

    @Override
    public void table(Map<String, LoggerLevel> loggers, Printer printer) {
        Table table = new Table("LOGGER", "LEVEL", "CHANGED");
        new TreeMap<>(loggers).forEach((name, level) -> table.row(name, level.level(), changed(level)));
        table.print(printer.out(), printer.style());
    }

    static String changed(LoggerLevel level) {
        return level.lastModified() == null ? "-" : Instant.ofEpochMilli(level.lastModified()).toString();
    }

    @Override
    public List<String> names(Map<String, LoggerLevel> loggers) {
        return loggers.keySet().stream().sorted().toList();
    }
}

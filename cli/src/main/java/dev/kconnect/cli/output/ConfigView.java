package dev.kconnect.cli.output;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code kconnect config NAME}: the config as KEY VALUE rows, secrets masked. */
public final class ConfigView implements View<Map<String, String>> {

    private final String connector;

    public ConfigView(String connector) {
        this.connector = connector;
    }

    @Override
    public void table(Map<String, String> config, Printer printer) {
        configTable(config).print(printer.out(), printer.style());
    }

    static Table configTable(Map<String, String> config) {
        Table table = new Table("KEY", "VALUE");
        new TreeMap<>(config == null ? Map.<String, String>of() : config)
                .forEach((key, value) -> table.row(key, Secrets.mask(key, value)));
        return table;
    }

    @Override
    public List<String> names(Map<String, String> config) {
        return List.of(connector);
    }
}

package dev.kconnect.cli.output;

import dev.kconnect.cli.client.model.ConfigInfos;

import java.util.List;

/** {@code kconnect validate}: the errors per key, or a line saying there are none. */
public final class ValidationView implements View<ConfigInfos> {

    private final String source;

    public ValidationView(String source) {
        this.source = source;
    }

    @Override
    public void table(ConfigInfos result, Printer printer) {
        if (result.errorCount() == 0) {
            printer.out().println(source + ": valid for " + result.name() + " (" + result.configs().size() + " options checked)");
            return;
        }
        Table table = new Table("KEY", "ERROR");
        for (ConfigInfos.ConfigInfo config : result.configs()) {
            for (String error : config.value().errors()) {
                table.row(config.value().name(), error.strip().replaceAll("\\s*\\R\\s*", " "));
            }
        }
        table.print(printer.out(), printer.style());
    }

    /** The keys that have errors. */
    @Override
    public List<String> names(ConfigInfos result) {
        return result.configs().stream()
                .filter(c -> !c.value().errors().isEmpty())
                .map(c -> c.value().name())
                .toList();
    }
}

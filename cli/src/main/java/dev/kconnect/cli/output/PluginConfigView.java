package dev.kconnect.cli.output;

import dev.kconnect.cli.client.model.ConfigKeyInfo;

import java.util.List;

/** {@code kconnect plugins CLASS}: each option with its type, default, importance and documentation. */
public final class PluginConfigView implements View<List<ConfigKeyInfo>> {

    @Override
    public void table(List<ConfigKeyInfo> options, Printer printer) {
        Table table = new Table("NAME", "TYPE", "REQUIRED", "DEFAULT", "IMPORTANCE", "DOCUMENTATION");
        for (ConfigKeyInfo option : options) {
            String defaultValue = option.required() ? ""
                    : option.defaultValue() == null ? "null"
                    : option.secret() && !option.defaultValue().isEmpty() ? Secrets.MASK : option.defaultValue();
            table.row(option.name(), option.type(), option.required() ? "yes" : "", defaultValue,
                    option.importance(), oneLine(option.documentation()));
        }
        table.print(printer.out(), printer.style());
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    @Override
    public List<String> names(List<ConfigKeyInfo> options) {
        return options.stream().map(ConfigKeyInfo::name).toList();
    }
}

package dev.kconnect.cli.output;

import dev.kconnect.cli.client.model.PluginInfo;

import java.util.Comparator;
import java.util.List;

/** {@code kconnect plugins}: CLASS TYPE VERSION. */
public final class PluginListView implements View<List<PluginInfo>> {

    @Override
    public void table(List<PluginInfo> plugins, Printer printer) {
        Table table = new Table("CLASS", "TYPE", "VERSION");
        plugins.stream()
                .sorted(Comparator.comparing(PluginInfo::type).thenComparing(PluginInfo::className))
                .forEach(p -> table.row(p.className(), p.type(), p.version()));
        table.print(printer.out(), printer.style());
    }

    @Override
    public List<String> names(List<PluginInfo> plugins) {
        return plugins.stream().map(PluginInfo::className).sorted().toList();
    }
}

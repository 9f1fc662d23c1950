package dev.kconnect.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kconnect.cli.client.Json;
import dev.kconnect.cli.client.model.ConnectorOffsets;

import java.util.List;

/** {@code kconnect offsets NAME}: PARTITION OFFSET rows, each as compact JSON. */
public final class OffsetsView implements View<ConnectorOffsets> {

    private final String connector;

    public OffsetsView(String connector) {
        this.connector = connector;
    }

    @Override
    public void table(ConnectorOffsets offsets, Printer printer) {
        if (offsets.offsets().isEmpty()) {
            printer.out().println("no offsets committed for connector '" + connector + "'");
            return;
        }
        Table table = new Table("PARTITION", "OFFSET");
        offsets.offsets().forEach(o -> table.row(json(o.partition()), json(o.offset())));
        table.print(printer.out(), printer.style());
    }

    private static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    @Override
    public List<String> names(ConnectorOffsets offsets) {
        return List.of(connector);
    }
}

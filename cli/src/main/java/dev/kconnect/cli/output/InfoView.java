package dev.kconnect.cli.output;

import dev.kconnect.cli.client.model.ServerInfo;

import java.io.PrintWriter;
import java.util.List;

/** {@code kconnect info}: the worker's version and Kafka cluster. */
public final class InfoView implements View<ServerInfo> {

    private final String url;

    public InfoView(String url) {
        this.url = url;
    }

    @Override
    public void table(ServerInfo info, Printer printer) {
        PrintWriter out = printer.out();
        out.println("Worker:         " + url);
        out.println("Kafka version:  " + info.version());
        out.println("Commit:         " + info.commit());
        out.println("Kafka cluster:  " + info.kafkaClusterId());
    }

    @Override
    public List<String> names(ServerInfo info) {
        return List.of(url);
    }
}

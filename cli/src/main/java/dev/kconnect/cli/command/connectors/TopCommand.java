package dev.kconnect.cli.command.connectors;

import dev.kconnect.cli.client.ApiException;
import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.client.model.ActiveTopics;
import dev.kconnect.cli.command.BootstrapOptions;
import dev.kconnect.cli.command.ConnectionOptions;
import dev.kconnect.cli.lag.LagReader;
import dev.kconnect.cli.lag.SinkLag;
import dev.kconnect.cli.lag.TopicEnds;
import dev.kconnect.cli.output.ConnectorListView;
import dev.kconnect.cli.output.Screen;
import dev.kconnect.cli.output.Style;
import dev.kconnect.cli.output.TopView.Frame;
import dev.kconnect.cli.output.TopView;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "top", mixinStandardHelpOptions = true,
        description = {"Watch every connector and task: state, worker, and for sinks lag and rate (records/s over the "
                + "last 15 s, from their committed offsets; given --bootstrap-server). For a source, the rate of the "
                + "topics it writes to (from their end offsets: other producers of them count too). "
                + "FAILED lines are bold red.",
            "Refreshes every --interval seconds; q or Ctrl-C leaves. Without a terminal it prints one snapshot."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  kconnect top --bootstrap-server localhost:9092",
            "  kconnect top --interval 10 --context prod",
            "  kconnect top | grep FAILED          one snapshot, for scripts"
        })
public final class TopCommand implements Callable<Integer> {

    /** How far back the rates look. */
    static final Duration RATE_WINDOW = Duration.ofSeconds(15);

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    BootstrapOptions kafka;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "3",
            description = "Seconds between refreshes (default: ${DEFAULT-VALUE}).")
    int interval;

    @Override
    public Integer call() throws InterruptedException {
        if (interval <= 0) {
            throw new ParameterException(spec.commandLine(), "--interval must be a number of seconds above 0");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (ConnectClient client = connection.client()) {
            String bootstrap = kafka.resolve(connection);
            LagReader reader = bootstrap == null ? null
                    : LagReader.connect(bootstrap, Duration.ofSeconds(connection.requestTimeout));
            try {
                if (!Style.onTerminal()) {
                    TopView.print(frame(client, reader), null, out, Style.PLAIN);
                    return 0;
                }
                watch(client, reader, bootstrap, out);
            } finally {
                if (reader != null) {
                    reader.close();
                }
            }
        }
        return 0;
    }

    private void watch(ConnectClient client, LagReader reader, String bootstrap, PrintWriter out)
            throws InterruptedException {
        Style style = Style.forTerminal();
        Deque<Frame> recent = new ArrayDeque<>();
        try (Screen screen = Screen.open(out, System.in)) {
            do {
                Frame now = frame(client, reader);
                // rates over the last RATE_WINDOW: Connect commits offsets in steps (offset.flush.interval.ms)
                while (!recent.isEmpty() && now.nanoTime() - recent.peekFirst().nanoTime() > RATE_WINDOW.toNanos()) {
                    recent.removeFirst();
                }
                Frame before = recent.peekFirst();
                recent.addLast(now);
                screen.clear();
                out.println(style.bold("kconnect top") + "  " + client.url() + "  " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS)
                        + "  every " + interval + " s  (q quits)");
                out.println(bootstrap == null ? "no lag: " + BootstrapOptions.HOW : "lag from " + bootstrap);
                out.println();
                TopView.print(now, before, out, style);
            } while (!screen.quitWithin(interval * 1000L));
        }
    }

    private static Frame frame(ConnectClient client, LagReader reader) {
        var connectors = client.connectors().value();
        Map<String, SinkLag> lags = null;
        Map<String, TopicEnds> sources = null;
        if (reader != null) {
            Map<String, List<String>> topics = new LinkedHashMap<>();
            ConnectorListView.sinks(connectors).forEach((name, config) -> topics.put(name, LagReader.topics(config)));
            lags = reader.sinks(topics);
            sources = sources(client, reader, ConnectorListView.sources(connectors));
        }
        return new Frame(connectors == null ? Map.of() : connectors, lags, sources, System.nanoTime());
    }

    /** The end offsets of each source's topics, read at once; a source whose topics the worker does not tell is left out. */
    private static Map<String, TopicEnds> sources(ConnectClient client, LagReader reader, List<String> names) {
        Map<String, List<String>> topics = new LinkedHashMap<>();
        for (String name : names) {
            try {
                ActiveTopics active = client.activeTopics(name).value().get(name);
                topics.put(name, active == null ? List.of() : active.topics());
            } catch (ApiException e) {
                // topic.tracking.enable=false, or deleted since the listing: no rate for it
            }
        }
        Map<TopicPartition, Long> ends = reader.ends(topics.values().stream().flatMap(List::stream).distinct().toList());
        Map<String, TopicEnds> sources = new LinkedHashMap<>();
        topics.forEach((name, used) -> sources.put(name, TopicEnds.of(used, ends)));
        return sources;
    }
}

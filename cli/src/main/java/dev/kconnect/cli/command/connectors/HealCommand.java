package dev.kconnect.cli.command.connectors;

import dev.kconnect.cli.client.ClientException;
import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.client.ConnectorNotFoundException;
import dev.kconnect.cli.client.UnauthorizedException;
import dev.kconnect.cli.client.model.ConnectorEntry;
import dev.kconnect.cli.client.model.ConnectorStatus;
import dev.kconnect.cli.command.ApiCommand;
import dev.kconnect.cli.command.FailedStateException;
import dev.kconnect.cli.heal.Action;
import dev.kconnect.cli.heal.Durations;
import dev.kconnect.cli.heal.HealStoppedException;
import dev.kconnect.cli.heal.Healer;
import dev.kconnect.cli.heal.Policy;
import dev.kconnect.cli.input.BadInputException;
import dev.kconnect.cli.output.Format;
import dev.kconnect.cli.output.Printer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

@Command(name = "heal", mixinStandardHelpOptions = true,
        description = {"Restart FAILED connectors and tasks, and only those, until Ctrl-C (or once with --once).",
            "Each one backs off exponentially between its restarts (--backoff) and is given up after --max-restarts "
                + "within --window, saying so; a trace matching --never (bad config, refused credentials) is never "
                + "restarted, and with --only only traces that match are. One line per action on stdout: time, action "
                + "(restart, give-up, skip, error), connector/task, attempt, the trace's first line; -o json: one object a line.",
            "Exit: 130 when stopped; with --once 0 when nothing was left FAILED, 5 when something was."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  kconnect heal                                  every connector, every 30 s, until Ctrl-C",
            "  kconnect heal orders-sink --max-restarts 3 --backoff 1m..30m",
            "  kconnect heal --never 'ConfigException|Authentication|Authorization' -o json >> heal.log",
            "  kconnect heal --only 'RetriableException|TimeoutException' --interval 10s",
            "  kconnect heal --once                           one round, for cron: exit 5 when something stays FAILED",
            "      a restart is: curl -X POST http://127.0.0.1:8083/connectors/NAME/tasks/ID/restart"
        })
public final class HealCommand extends ApiCommand {

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "Connectors to heal (default: every connector).")
    List<String> names;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "30s",
            description = "How often to look at the states (default: ${DEFAULT-VALUE}).")
    String interval;

    @Option(names = "--max-restarts", paramLabel = "N", defaultValue = "5",
            description = "Give up on a connector or task after N restarts within --window (default: ${DEFAULT-VALUE}).")
    int maxRestarts;

    @Option(names = "--window", paramLabel = "DURATION", defaultValue = "1h",
            description = "How long a restart counts toward --max-restarts (default: ${DEFAULT-VALUE}).")
    String window;

    @Option(names = "--backoff", paramLabel = "MIN..MAX", defaultValue = "30s..10m",
            description = "Wait after a restart before the next one of the same task, doubling from MIN up to MAX "
                    + "(default: ${DEFAULT-VALUE}).")
    String backoff;

    @Option(names = "--only", paramLabel = "REGEX", description = "Restart only when the trace matches (found anywhere in it).")
    String only;

    @Option(names = "--never", paramLabel = "REGEX", description = "Never restart when the trace matches.")
    String never;

    @Option(names = "--once", description = "One round, then exit.")
    boolean once;

    @Override
    protected void run(ConnectClient client, Printer printer) {
        if (printer.format() != Format.table && printer.format() != Format.json) {
            throw new ParameterException(spec.commandLine(), "heal prints one line per action: -o table (text) or -o json");
        }
        if (maxRestarts < 1) {
            throw new ParameterException(spec.commandLine(), "--max-restarts must be 1 or more, not " + maxRestarts);
        }
        Duration every = Durations.parse(interval, "--interval");
        Duration[] waits = Durations.range(backoff, "--backoff");
        Policy policy = new Policy(maxRestarts, Durations.parse(window, "--window"), waits[0], waits[1],
                regex(only, "--only"), regex(never, "--never"));
        Healer healer = new Healer(policy, () -> Instant.now().truncatedTo(ChronoUnit.MILLIS));
        Healer.Restarter restarter = new Healer.Restarter() {
            @Override
            public void connector(String name) {
                client.restart(name, false, false);
            }

            @Override
            public void task(String name, int task) {
                client.restartTask(name, task);
            }
        };
        PrintWriter out = printer.out();
        Set<String> gone = new HashSet<>();
        int restarts = 0;
        for (int round = 0; ; round++) {
            Healer.Round result;
            try {
                result = healer.round(statuses(client, round == 0, gone), restarter);
            } catch (ClientException e) {
                if (round == 0 || once || e instanceof UnauthorizedException) {
                    throw e; // a wrong --url or refused credentials fail at once
                }
                // a worker restarting (a rolling upgrade, a rebalance) is no reason to stop healing: while
                // it stops it refuses connections, answers 404 (its REST resources gone) or 409
                
                output.notice("round skipped (" + e.getMessage() + "); trying again in " + Durations.format(every));
                result = new Healer.Round(List.of(), 0, 0);
            }
            restarts += result.restarted();
            for (Action action : result.actions()) {
                out.println(printer.format() == Format.json ? action.json() : action.text());
            }
            out.flush();
            if (round == 0 && !once) {
                // stdout holds only actions: say on stderr that heal is watching, and how
                output.notice("healing " + (names == null || names.isEmpty() ? "every connector" : String.join(", ", names))
                        + " every " + Durations.format(every) + " until Ctrl-C");
            }
            if (once) {
                if (result.leftFailed() > 0) {
                    throw new FailedStateException(result.leftFailed() + " FAILED left as they are (see the lines above, "
                            + "or: kconnect health)");
                }
                return;
            }
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HealStoppedException("heal stopped after " + restarts + " restart(s)");
            }
        }
    }

    /**
     * The states to look at: the named connectors (one that is missing at the start is an error; one
     * deleted later is said once and left out), else every connector in one request.
     */
    private List<ConnectorStatus> statuses(ConnectClient client, boolean first, Set<String> gone) {
        List<ConnectorStatus> statuses = new ArrayList<>();
        if (names == null || names.isEmpty()) {
            Map<String, ConnectorEntry> all = client.connectors().value();
            if (all != null) {
                all.forEach((name, entry) -> {
                    ConnectorStatus s = entry.status();
                    if (s != null) {
                        statuses.add(new ConnectorStatus(name, s.connector(), s.tasks(), s.type()));
                    }
                });
            }
            return statuses;
        }
        for (String name : names) {
            try {
                statuses.add(client.status(name).value());
            } catch (ConnectorNotFoundException e) {
                if (first) {
                    throw e;
                }
                if (gone.add(name)) {
                    output.notice("connector '" + name + "' is gone; healing the others");
                }
            }
        }
        return statuses;
    }

    private static Pattern regex(String text, String option) {
        if (text == null) {
            return null;
        }
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw new BadInputException(option + " '" + text + "' is not a regular expression (" + e.getDescription()
                    + " at " + e.getIndex() + "); e.g. --never 'ConfigException|Authentication'");
        }
    }
}

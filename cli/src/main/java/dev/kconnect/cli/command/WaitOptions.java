package dev.kconnect.cli.command;

import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.client.ConnectorStatus;
import dev.kconnect.cli.client.NotFoundException;
import dev.kconnect.cli.output.Format;
import dev.kconnect.cli.output.Printer;
import dev.kconnect.cli.output.StatusView;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Collectors;

/**
 * {@code --wait [--timeout SECONDS]}: after the change, poll the status until the connector and
 * all its tasks are RUNNING; stop at once, showing the trace, when one of them FAILS.
 */
public final class WaitOptions {

    private static final Duration POLL = Duration.ofMillis(250);

    @Option(names = "--wait", description = "Wait until the connector and all its tasks are RUNNING; "
            + "exit 5 with the trace as soon as one FAILS, 6 after --timeout.")
    boolean wait;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long --wait waits (default: ${DEFAULT-VALUE} s).")
    int timeoutSeconds;

    /** Waits when asked to; prints a line for people when the connector runs. */
    void awaitRunning(ConnectClient client, String name, Printer printer) {
        if (!wait) {
            return;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        ConnectorStatus last = null;
        while (true) {
            last = statusOrNull(client, name);
            if (last != null && last.anyFailed()) {
                if (printer.format() == Format.table) {
                    printer.out().println();
                    new StatusView().table(last, printer);
                }
                StatusCommand.failIfFailed(last);
            }
            if (last != null && running(last)) {
                if (printer.format() == Format.table) {
                    printer.out().println("connector '" + name + "' is RUNNING with " + last.tasks().size() + " task(s)");
                    printer.out().flush();
                }
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TimedOutException("connector '" + name + "' was not RUNNING after " + timeoutSeconds + " s ("
                        + describe(last) + "); see: kconnect status " + name);
            }
            sleep();
        }
    }

    private static boolean running(ConnectorStatus status) {
        return ConnectorStatus.RUNNING.equals(status.connectorState())
                && !status.tasks().isEmpty()
                && status.tasks().stream().allMatch(t -> ConnectorStatus.RUNNING.equals(t.state()));
    }

    /** Right after a create the worker may not have a status yet. */
    private static ConnectorStatus statusOrNull(ConnectClient client, String name) {
        try {
            return client.status(name).value();
        } catch (NotFoundException e) {
            return null;
        }
    }

    private static String describe(ConnectorStatus status) {
        if (status == null) {
            return "no status reported yet";
        }
        String tasks = status.tasks().stream()
                .sorted(Comparator.comparingInt(ConnectorStatus.TaskState::id))
                .map(t -> t.id() + ":" + t.state())
                .collect(Collectors.joining(" "));
        return "connector " + status.connectorState() + ", tasks " + (tasks.isEmpty() ? "none" : tasks);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimedOutException("interrupted while waiting");
        }
    }
}

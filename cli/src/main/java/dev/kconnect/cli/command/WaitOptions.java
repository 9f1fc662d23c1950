package dev.kconnect.cli.command;

import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.client.NotFoundException;
import dev.kconnect.cli.client.RequestTimedOutException;
import dev.kconnect.cli.client.model.ConnectorStatus;
import dev.kconnect.cli.output.Format;
import dev.kconnect.cli.output.Printer;
import dev.kconnect.cli.output.StatusView;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Collectors;

/**
 * {@code --wait [--timeout SECONDS] [--settle SECONDS]}: after the change, poll the status until the
 * connector and all its tasks are RUNNING and have stayed so for the settle time (a task that fails
 * on its first records fails a moment after it starts); stop at once, showing the trace, when one
 * of them FAILS. The timeout bounds the whole command, requests included.
 */
public final class WaitOptions {

    private static final Duration POLL = Duration.ofMillis(250);

    /** picocli makes the options as the command starts: the timeout counts from here. */
    private final long started = System.nanoTime();

    @Option(names = "--wait", description = "Wait until the connector and all its tasks are RUNNING and still RUNNING "
            + "after --settle; exit 5 with the trace as soon as one FAILS, 6 when --timeout runs out.")
    public boolean wait;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "With --wait: the most the whole command may take, requests included (default: ${DEFAULT-VALUE} s).")
    public int timeoutSeconds;

    @Option(names = "--settle", paramLabel = "SECONDS", defaultValue = "5",
            description = "With --wait: how long everything must stay RUNNING to count as healthy (default: ${DEFAULT-VALUE} s).")
    public int settleSeconds;

    /** With --wait, no request of {@code client} may outlast the timeout. Call before the first request. */
    public void bound(ConnectClient client) {
        if (wait) {
            client.deadline(deadline(), "--timeout " + timeoutSeconds + " s");
        }
    }

    private long deadline() {
        return started + Duration.ofSeconds(timeoutSeconds).toNanos();
    }

    /** Waits when asked to; prints a line for people when the connector runs. */
    public void awaitRunning(ConnectClient client, String name, Printer printer) {
        if (!wait) {
            return;
        }
        long deadline = deadline();
        long settle = Duration.ofSeconds(settleSeconds).toNanos();
        long runningSince = -1; // when everything was last seen turning RUNNING
        ConnectorStatus last = null;
        while (true) {
            try {
                last = statusOrNull(client, name);
            } catch (RequestTimedOutException e) {
                throw timedOut(name, last, false); // the worker was slow to answer when time ran out
            }
            long now = System.nanoTime();
            if (last != null && last.anyFailed()) {
                if (printer.format() == Format.table) {
                    printer.out().println();
                    new StatusView().table(last, printer);
                }
                FailedStateException.failIfFailed(last);
            }
            runningSince = last != null && running(last) ? runningSince < 0 ? now : runningSince : -1;
            if (runningSince >= 0 && now - runningSince >= settle) {
                if (printer.format() == Format.table) {
                    printer.out().println("connector '" + name + "' is RUNNING with " + last.tasks().size() + " task(s)");
                    printer.out().flush();
                }
                return;
            }
            if (now >= deadline) {
                throw timedOut(name, last, runningSince >= 0);
            }
            sleep(Math.min(POLL.toNanos(), deadline - now));
        }
    }

    private TimedOutException timedOut(String name, ConnectorStatus last, boolean settling) {
        String state = settling ? "RUNNING for less than the " + settleSeconds + " s of --settle" : "not RUNNING";
        return new TimedOutException("connector '" + name + "' was " + state + " after " + timeoutSeconds + " s ("
                + describe(last) + "); see: kconnect status " + name);
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

    private static void sleep(long nanos) {
        try {
            Thread.sleep(Math.max(1, nanos / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimedOutException("interrupted while waiting");
        }
    }
}

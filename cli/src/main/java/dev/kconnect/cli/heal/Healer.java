package dev.kconnect.cli.heal;

import dev.kconnect.cli.client.ApiException;
import dev.kconnect.cli.client.model.ConnectorStatus;
import dev.kconnect.cli.client.UnauthorizedException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Decides, round after round, which FAILED connectors and tasks to restart. Each one has its own
 * history: restarts within the window, the earliest time of the next one (exponential backoff),
 * and whether heal gave up on it. Only what is FAILED is ever restarted, never a RUNNING task.
 */
public final class Healer {

    /** The two restarts heal makes; the worker's refusals come as {@link ApiException}s. */
    public interface Restarter {
        void connector(String name);

        void task(String name, int task);
    }

    /** What one round did: its actions, and how many FAILED ones it left FAILED (skipped, given up, waiting). */
    public record Round(List<Action> actions, int restarted, int leftFailed) {
    }

    /** One connector's or task's past. */
    private static final class History {
        final Deque<Instant> restarts = new ArrayDeque<>();
        Instant next = Instant.MIN;
        boolean gaveUp;
        boolean skipSaid;
    }

    private final Policy policy;
    private final Supplier<Instant> clock;
    private final Map<String, History> histories = new HashMap<>();

    public Healer(Policy policy, Supplier<Instant> clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** Looks at every status once and restarts what the policy allows. */
    public Round round(Collection<ConnectorStatus> statuses, Restarter restarter) {
        List<Action> actions = new ArrayList<>();
        int restarted = 0;
        int left = 0;
        for (ConnectorStatus status : statuses) {
            String name = status.name();
            if (status.connector() != null) {
                String state = status.connector().state();
                Outcome o = look(name, null, state, status.connector().trace(), () -> restarter.connector(name), actions);
                restarted += o == Outcome.RESTARTED ? 1 : 0;
                left += o == Outcome.LEFT ? 1 : 0;
            }
            for (ConnectorStatus.TaskState task : status.tasks()) {
                Outcome o = look(name, task.id(), task.state(), task.trace(), () -> restarter.task(name, task.id()), actions);
                restarted += o == Outcome.RESTARTED ? 1 : 0;
                left += o == Outcome.LEFT ? 1 : 0;
            }
        }
        return new Round(actions, restarted, left);
    }

    private enum Outcome { HEALTHY, RESTARTED, LEFT }

    private Outcome look(String connector, Integer task, String state, String trace, Runnable restart, List<Action> actions) {
        String key = task == null ? connector : connector + "/" + task;
        History h = histories.computeIfAbsent(key, k -> new History());
        Instant now = clock.get();
        while (!h.restarts.isEmpty() && h.restarts.peekFirst().isBefore(now.minus(policy.window()))) {
            h.restarts.removeFirst(); // restarts older than the window no longer count
        }
        if (!ConnectorStatus.FAILED.equals(state)) {
            // running again (by itself, or someone fixed it): a new failure is a new story
            h.gaveUp = false;
            h.skipSaid = false;
            return Outcome.HEALTHY;
        }
        String first = firstLine(trace);
        if (h.gaveUp) {
            return Outcome.LEFT;
        }
        String refusal = policy.never() != null && policy.never().matcher(orEmpty(trace)).find()
                ? "--never matches the trace"
                : policy.only() != null && !policy.only().matcher(orEmpty(trace)).find() ? "--only does not match the trace" : null;
        if (refusal != null) {
            if (!h.skipSaid) {
                h.skipSaid = true;
                actions.add(new Action(now, Action.Kind.skip, connector, task, h.restarts.size(), policy.maxRestarts(),
                        first, refusal));
            }
            return Outcome.LEFT;
        }
        if (now.isBefore(h.next)) {
            return Outcome.LEFT; // backing off; the last restart too is given its wait before heal gives up
        }
        if (h.restarts.size() >= policy.maxRestarts()) {
            h.gaveUp = true;
            actions.add(new Action(now, Action.Kind.give_up, connector, task, h.restarts.size(), policy.maxRestarts(),
                    first, "--max-restarts " + policy.maxRestarts() + " within --window " + Durations.format(policy.window())));
            return Outcome.LEFT;
        }
        int attempt = h.restarts.size() + 1;
        try {
            restart.run();
        } catch (UnauthorizedException e) {
            throw e; // every later restart would be refused too
        } catch (ApiException e) {
            actions.add(new Action(now, Action.Kind.error, connector, task, attempt, policy.maxRestarts(), first,
                    "restart refused, tried again next round: " + e.getMessage()));
            return Outcome.LEFT;
        }
        h.restarts.addLast(now);
        Duration wait = policy.backoffAfter(attempt);
        h.next = now.plus(wait);
        actions.add(new Action(now, Action.Kind.restart, connector, task, attempt, policy.maxRestarts(), first, null));
        return Outcome.RESTARTED;
    }

    private static String orEmpty(String trace) {
        return trace == null ? "" : trace;
    }

    /** The exception's class and message: what people grep for. */
    static String firstLine(String trace) {
        return trace == null || trace.isBlank() ? "(no trace)" : trace.lines().findFirst().orElse("").trim();
    }
}

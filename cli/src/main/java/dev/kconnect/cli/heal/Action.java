package dev.kconnect.cli.heal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kconnect.cli.client.Json;

import java.time.Instant;

/**
 * One line of heal's audit trail: what was done (or deliberately not done) to which connector or
 * task, why, and the first line of the trace that made it FAILED. {@code task} is null for a
 * connector; {@code attempt} counts the restarts in the window, this one included.
 */
public record Action(Instant time, Kind kind, String connector, Integer task, int attempt, int maxRestarts,
                     String trace, String reason) {

    /** What heal did. */
    public enum Kind {
        /** Restarted it. */
        restart,
        /** --max-restarts reached within --window: left FAILED from now on. */
        give_up,
        /** Left alone: --never matched, or --only did not. */
        skip,
        /** The worker refused the restart (a rebalance, say): tried again next round. */
        error
    }

    /** "orders-sink/0", or "orders-sink" for the connector itself. */
    public String target() {
        return task == null ? connector : connector + "/" + task;
    }

    /** One line for people: time, action, what, attempt, trace. */
    public String text() {
        String what = (task == null ? "connector " : "task ") + target();
        String detail = switch (kind) {
            case restart -> "attempt " + attempt + "/" + maxRestarts;
            case give_up -> "gave up after " + attempt + " restarts (" + reason + ")";
            case skip, error -> reason;
        };
        return time + " " + kind.name().replace('_', '-') + " " + what + " " + detail + ": " + trace;
    }

    /** One JSON object on one line, for log shippers. */
    public String json() {
        ObjectNode node = Json.MAPPER.createObjectNode()
                .put("time", time.toString())
                .put("action", kind.name().replace('_', '-'))
                .put("connector", connector);
        if (task == null) {
            node.putNull("task");
        } else {
            node.put("task", task);
        }
        node.put("attempt", attempt).put("max_restarts", maxRestarts).put("trace", trace);
        if (reason != null) {
            node.put("reason", reason);
        }
        return node.toString();
    }
}

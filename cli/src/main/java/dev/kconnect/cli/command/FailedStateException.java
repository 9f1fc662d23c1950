package dev.kconnect.cli.command;

import dev.kconnect.cli.client.model.ConnectorStatus;
import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.error.KConnectException;

import java.util.stream.Collectors;

/** A connector or one of its tasks is FAILED: the command printed what it could and exits non-zero. */
public final class FailedStateException extends KConnectException {

    public FailedStateException(String message) {
        super(message, null);
    }

    @Override
    public int exitCode() {
        return ExitCode.FAILED_STATE;
    }


    public static void failIfFailed(ConnectorStatus status) {
        if (status == null || !status.anyFailed()) {
            return;
        }
        String failed = status.tasks().stream()
                .filter(t -> ConnectorStatus.FAILED.equals(t.state()))
                .map(t -> Integer.toString(t.id()))
                .collect(Collectors.joining(", "));
        String what = ConnectorStatus.FAILED.equals(status.connectorState())
                ? "connector '" + status.name() + "' is FAILED" + (failed.isEmpty() ? "" : " and so are its tasks " + failed)
                : "connector '" + status.name() + "' has FAILED tasks: " + failed;
        throw new FailedStateException(what + "; fix the cause shown in the trace, then: kconnect restart "
                + status.name() + " --include-tasks --only-failed");
    }
}

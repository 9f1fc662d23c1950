package dev.kconnect.cli.command.workers;

import dev.kconnect.cli.input.BadInputException;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Runs Connect workers in this process. It lives in the kconnect-runtime jar (Connect's runtime, a
 * broker, the emulator) so that the commands talking to a worker over REST never load any of it; the
 * admin-only distribution has no such jar, and says so when asked to run a worker.
 */
public interface WorkerRuntime {

    /** {@code kconnect standalone}: the files as given (connectors and at most one worker file). */
    int standalone(List<Path> files, Path workerFile, WorkerOptions options, PrintWriter out, PrintWriter err);

    /** {@code kconnect distributed WORKER}. */
    int distributed(Path workerFile, WorkerOptions options, PrintWriter out, PrintWriter err);

    /** {@code kconnect sandbox}. */
    int sandbox(SandboxSettings settings, PrintWriter out, PrintWriter err);

    /** The runtime on the class path; {@code command} names what needed it in the error when there is none. */
    static WorkerRuntime find(String command) {
        return ServiceLoader.load(WorkerRuntime.class).findFirst().orElseThrow(() -> new BadInputException(
                "this is the admin-only kconnect (kconnect-cli), which has no Connect worker runtime; "
                        + "to run " + command + " here, install the full distribution, kconnect-VERSION.tar.gz"));
    }
}

package dev.kconnect.cli.command;

import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.output.Printer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.util.concurrent.Callable;

/** A command that talks to one Connect worker and prints what it answers. */
public abstract class ApiCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    @Mixin
    protected ConnectionOptions connection;

    @Mixin
    protected OutputOptions output;

    @Override
    public final Integer call() {
        Integer acrossContexts = acrossContexts();
        if (acrossContexts != null) {
            return acrossContexts;
        }
        try (ConnectClient client = connection.client()) {
            run(client, output.printer());
        }
        return CommandLine.ExitCode.OK;
    }

    /**
     * A command given {@code --all-contexts} asks every context itself, here, and returns its exit
     * code; null (the default) runs {@link #run} against the one worker named.
     */
    protected Integer acrossContexts() {
        return null;
    }

    /** Does the work; problems are thrown and turned into a line on stderr and an exit code at the root. */
    protected abstract void run(ConnectClient client, Printer printer);
}

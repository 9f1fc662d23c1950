package dev.kconnect.cli.command.shell;

import dev.kconnect.cli.completion.BashCompletion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Prints the shell completion script, generated from the live command tree. */
@Command(name = "completion",
        description = {"Print the shell completion script for bash or zsh.", ""},
        mixinStandardHelpOptions = true,
        footer = {"",
            "Examples:",
            "  source <(kconnect completion bash)",
            "  autoload -U +X bashcompinit && bashcompinit && source <(kconnect completion zsh)"})
public final class CompletionCommand implements Runnable {

    enum Shell { bash, zsh }

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh (zsh uses the bash script through bashcompinit)")
    Shell shell;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().getOut().print(script(spec.root().commandLine()));
        spec.commandLine().getOut().flush();
    }

    /** The script, for bash and (through bashcompinit) zsh. */
    public static String script(picocli.CommandLine root) {
        return BashCompletion.script(root);
    }
}

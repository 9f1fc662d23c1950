package dev.kconnect.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** Help as people copy from it. */
class HelpTextTest {

    @Test
    void noUrlIsWrappedAcrossLines() {
        check(KConnect.commandLine());
    }

    private static void check(CommandLine command) {
        String usage = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
        assertFalse(usage.matches("(?s).*https?:\\R.*"), () -> "a URL is cut in: " + usage);
        command.getSubcommands().values().forEach(HelpTextTest::check);
    }
}

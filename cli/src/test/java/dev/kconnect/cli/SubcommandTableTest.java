package dev.kconnect.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SubcommandTableTest {

    @Test
    void namesInTheTableAreTheCommandsOwnNames() {
        for (Map.Entry<String, Class<?>> subcommand : KConnect.SUBCOMMANDS) {
            assertEquals(subcommand.getValue().getAnnotation(Command.class).name(), subcommand.getKey(),
                    subcommand.getValue().getName());
        }
    }

    @Test
    void theFullCommandLineHasEverySubcommandInTableOrder() {
        List<String> names = KConnect.SUBCOMMANDS.stream().map(Map.Entry::getKey).toList();
        assertEquals(names, List.copyOf(KConnect.commandLine().getSubcommands().keySet()));
    }

    @Test
    void oneSubcommandIsLoadedOnlyWhenTheArgumentsNameIt() {
        assertEquals("list", KConnect.subcommandOf(new String[] {"list"}));
        assertEquals("status", KConnect.subcommandOf(new String[] {"--verbose", "status", "x"}));
        assertEquals("", KConnect.subcommandOf(new String[] {"--version"}));
        assertNull(KConnect.subcommandOf(new String[] {"lsit"}));
        assertNull(KConnect.subcommandOf(new String[] {"help", "list"}));
        assertNull(KConnect.subcommandOf(new String[] {"completion", "bash"}));
        assertNull(KConnect.subcommandOf(new String[] {"--help"}));

        CommandLine onlyStatus = KConnect.commandLine("status");
        assertEquals(List.of("status"), List.copyOf(onlyStatus.getSubcommands().keySet()));
    }
}

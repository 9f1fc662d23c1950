package dev.kconnect.cli.command.workers;

import dev.kconnect.cli.command.KineticaOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Kafka, the Kinetica emulator and a Connect worker on this machine, for trying things out. */
@Command(name = "sandbox",
        description = {
            "Run Kafka, the Kinetica emulator and a Connect worker here, to try things out.",
            "All bind 127.0.0.1. The emulator speaks Kinetica's wire protocol and keeps its tables",
            "in memory; the worker is a distributed one with the Kinetica plugin loaded. Ctrl-C",
            "stops them all.",
            ""},
        mixinStandardHelpOptions = true,
        subcommands = SandboxFaultCommand.class,
        footer = {"",
            "Examples:",
            "  kconnect sandbox",
            "  kconnect sandbox --demo",
            "  kconnect sandbox --demo cdc",
            "  kconnect sandbox --kinetica-user admin --kinetica-password-file kinetica-password",
            "  kconnect sandbox fault kinetica down --for 45s    (in another terminal, while it runs)",
            "  kconnect sandbox --kafka-port 19092 --kinetica-port 19191 --control-port 19190 --rest-port 18083"})
public final class SandboxCommand implements Callable<Integer> {

    @Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka broker port (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--kinetica-port", defaultValue = "9191", description = "Kinetica emulator port (default: ${DEFAULT-VALUE}).")
    int kineticaPort;

    @Option(names = "--control-port", defaultValue = "" + SandboxSettings.CONTROL_PORT,
            description = "Port of the emulator's fault controls, which stay up whatever the fault (default: ${DEFAULT-VALUE}).")
    int controlPort;

    @Option(names = "--rest-port", defaultValue = "8083", description = "Connect REST API port (default: ${DEFAULT-VALUE}).")
    int restPort;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep Kafka's data here across runs (default: a temporary directory, removed on exit).")
    Path dataDir;

    @Option(names = "--demo", arity = "0..1", paramLabel = "KIND", fallbackValue = SandboxSettings.PIPELINE_DEMO,
            description = {"Also create connectors and feed them sample data: " + SandboxSettings.PIPELINE_DEMO
                    + " (the default: the example sink and source) or " + SandboxSettings.CDC_DEMO
                    + " (Debezium change events of a table, applied by a sink)."})
    String demo;

    @Option(names = "--log-dir", paramLabel = "DIR", defaultValue = "logs",
            description = "Where sandbox.log is written (default: ${DEFAULT-VALUE}).")
    Path logDir;

    @Option(names = "--kinetica-user", paramLabel = "USER",
            description = "Make the emulator require this user, with the password of --kinetica-password-file.")
    String kineticaUser;

    @Option(names = "--kinetica-password-file", paramLabel = "FILE",
            description = "File holding the password the emulator requires of --kinetica-user.")
    Path kineticaPasswordFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (kineticaUser == null != (kineticaPasswordFile == null)) {
            throw new ParameterException(spec.commandLine(),
                    "--kinetica-user and --kinetica-password-file go together: give both, or neither for no login");
        }
        if (demo != null && !demo.equals(SandboxSettings.PIPELINE_DEMO) && !demo.equals(SandboxSettings.CDC_DEMO)) {
            throw new ParameterException(spec.commandLine(), "--demo takes " + SandboxSettings.PIPELINE_DEMO + " or "
                    + SandboxSettings.CDC_DEMO + ", not '" + demo + "'");
        }
        String password = kineticaUser == null ? null : KineticaOptions.readPassword(kineticaPasswordFile);
        SandboxSettings settings = new SandboxSettings(kafkaPort, kineticaPort, controlPort, restPort, dataDir,
                demo, logDir, kineticaUser, password);
        return WorkerRuntime.find("sandbox").sandbox(settings, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}

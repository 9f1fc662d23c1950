package dev.kconnect.cli.command.workers;

import java.nio.file.Path;

/** What {@code kconnect sandbox} was asked to run; the password is never shown. */
public record SandboxSettings(int kafkaPort, int kineticaPort, int controlPort, int restPort, Path dataDir,
                              String demo, Path logDir, String kineticaUser, String kineticaPassword) {
    /** The emulator's fault controls, which {@code sandbox fault} reaches by default. */
    public static final int CONTROL_PORT = 9190;
    /** {@code --demo}'s kinds. */
    public static final String PIPELINE_DEMO = "pipeline";
    public static final String CDC_DEMO = "cdc";

    @Override
    public String toString() {
        return "SandboxSettings[kafka=" + kafkaPort + ", kinetica=" + kineticaPort + ", rest=" + restPort
                + ", demo=" + demo + ", user=" + kineticaUser + "]";
    }
}

package dev.kconnect.cli.heal;

import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.error.KConnectException;

/** heal runs until stopped: an interrupt (Ctrl-C reaches the JVM's shutdown instead) ends it with 130. */
public final class HealStoppedException extends KConnectException {

    public HealStoppedException(String message) {
        super(message, null);
    }

    @Override
    public int exitCode() {
        return ExitCode.INTERRUPTED;
    }
}

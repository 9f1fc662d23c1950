package dev.kconnect.cli.error;

/**
 * Exit codes of every kconnect command, one per kind of failure whatever the command. They are
 * listed in {@code kconnect --help} and the README (a test keeps the three the same); scripts may rely on them.
 */
public final class ExitCode {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** Something failed that has no more specific code (an error answer of the worker, an I/O error). */
    public static final int ERROR = 1;
    /** The command line or an input file is wrong, including a connector config the worker or its plugin refuses, or the command needs a newer Connect release. */
    public static final int USAGE = 2;
    /** The connector, task or plugin named does not exist. */
    public static final int NOT_FOUND = 3;
    /** The Connect worker (or another server) could not be reached. */
    public static final int UNREACHABLE = 4;
    /** A connector or one of its tasks is FAILED. */
    public static final int FAILED_STATE = 5;
    /** No answer within --request-timeout, or a --wait ran out of its --timeout. */
    public static final int TIMED_OUT = 6;
    /** The worker refused the credentials (HTTP 401/403). */
    public static final int UNAUTHORIZED = 7;
    /** A conflict that did not clear in time (HTTP 409, e.g. a rebalance). */
    public static final int CONFLICT = 8;
    /** Stopped by Ctrl-C. */
    public static final int INTERRUPTED = 130;

    /** The table printed at the end of {@code --help}. */
    public static final String HELP = "Exit codes:%n"
            + "  0    success%n"
            + "  1    error (an error answer of the worker, an I/O error)%n"
            + "  2    bad usage or bad input file (an invalid connector config included), or a command the worker's Connect release lacks%n"
            + "  3    not found (connector, task, plugin)%n"
            + "  4    worker unreachable%n"
            + "  5    a connector or task is FAILED%n"
            + "  6    timed out (--request-timeout, or the --timeout of --wait)%n"
            + "  7    credentials refused (401/403)%n"
            + "  8    conflict that did not clear (409)%n"
            + "  130  interrupted";

    private ExitCode() {
    }
}

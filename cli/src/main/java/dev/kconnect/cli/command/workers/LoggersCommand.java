package dev.kconnect.cli.command.workers;

import dev.kconnect.cli.client.ApiResponse;
import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.client.LoggerEndpoints;
import dev.kconnect.cli.client.model.LoggerLevel;
import dev.kconnect.cli.command.ApiCommand;
import dev.kconnect.cli.command.WorkerFeature;
import dev.kconnect.cli.output.LoggersView;
import dev.kconnect.cli.output.Printer;
import dev.kconnect.cli.output.View;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Locale;

@Command(name = "loggers", mixinStandardHelpOptions = true,
        description = {"Show the worker's log levels, or set one on this worker or on the whole cluster."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  kconnect loggers",
            "      same as: curl http://127.0.0.1:8083/admin/loggers",
            "  kconnect loggers com.kinetica.kafka DEBUG",
            "  kconnect loggers com.kinetica.kafka INFO --cluster     every worker of the cluster (Kafka 3.7+)"
        })
public final class LoggersCommand extends ApiCommand {

    private static final List<String> LEVELS = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL", "OFF");

    @Parameters(index = "0", arity = "0..1", paramLabel = "LOGGER", description = "A logger name, e.g. com.kinetica.kafka or root.")
    String logger;

    @Parameters(index = "1", arity = "0..1", paramLabel = "LEVEL", description = "The level to set: TRACE, DEBUG, INFO, WARN, ERROR, OFF.")
    String level;

    @Option(names = "--cluster", description = "Set the level on every worker of the cluster, not only this one.")
    boolean cluster;

    @Override
    protected void run(ConnectClient client, Printer printer) {
        if (logger == null) {
            printer.print(new LoggerEndpoints(client).loggers(), new LoggersView());
        } else if (level == null) {
            ApiResponse<LoggerLevel> response = new LoggerEndpoints(client).logger(logger);
            printer.print(response, View.of(
                    (value, p) -> p.out().println(logger + " " + value.level()), value -> List.of(logger)));
        } else {
            // Connect answers a bad level with a 404; say plainly what is wrong instead
            if (!LEVELS.contains(level.toUpperCase(Locale.ROOT))) {
                throw new ParameterException(spec.commandLine(), "'" + level + "' is not a log level; use one of "
                        + String.join(", ", LEVELS));
            }
            if (cluster) {
                WorkerFeature.CLUSTER_LOGGERS.require(client, spec); // older workers ignore the scope
            }
            ApiResponse<List<String>> response = new LoggerEndpoints(client).setLogger(logger, level.toUpperCase(Locale.ROOT), cluster);
            printer.print(response, View.of((changed, p) -> p.out().println(cluster
                    ? "set " + logger + " to " + level + " on every worker of the cluster"
                    : "set " + logger + " to " + level + " on this worker" + (changed == null ? ""
                            : " (" + changed.size() + " logger(s): " + String.join(", ", changed) + ")")),
                    changed -> changed == null ? List.of(logger) : changed));
        }
    }
}

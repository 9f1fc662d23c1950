package dev.kconnect.cli.command.workers;

import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.command.AllContexts;
import dev.kconnect.cli.command.ApiCommand;
import dev.kconnect.cli.command.FailedStateException;
import dev.kconnect.cli.error.ExitCode;
import dev.kconnect.cli.output.Printer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.List;

/** Exit 0 when the worker is up and nothing is FAILED: for cron, probes and CI. */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = {"Check the worker and its connectors: exit 0 when the worker is up and no connector or",
            "task is FAILED, 5 when one is, 4 when the worker does not answer or says it is not healthy",
            "(GET /health, Connect 3.9+). One line per problem, one line when all is well.",
            "With --all-contexts: every context, each line prefixed with it; a context that does not answer is",
            "a line on stderr; the exit code is the highest of the contexts' (0 < 4 unreachable < 5 FAILED < 6 < 7)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  kconnect health --url http://127.0.0.1:8083",
            "  kconnect health --context prod || page-someone",
            "  kconnect health --all-contexts || page-someone",
            "      prod: healthy: https://connect.example.com:8443, 12 connectors, 30 tasks, none FAILED",
            "      staging: task orders-sink/0 FAILED on 10.0.0.7:8083: org.apache.kafka.connect.errors.ConnectException: …",
            "  livenessProbe: exec: command: [kconnect, health, --url, http://localhost:8083]"
        })
public final class HealthCommand extends ApiCommand {

    @Mixin
    AllContexts contexts;

    @Override
    protected void run(ConnectClient client, Printer printer) {
        HealthCheck check = HealthCheck.of(client);
        check.problems().forEach(printer.out()::println);
        printer.out().flush();
        if (!check.problems().isEmpty()) {
            throw new FailedStateException(check.problems().size() + " FAILED; see the trace with: kconnect status NAME, "
                    + "then: kconnect restart NAME --include-tasks --only-failed");
        }
        printer.out().println(check.healthy());
        printer.out().flush();
    }

    @Override
    protected Integer acrossContexts() {
        if (!contexts.all) {
            return null;
        }
        List<AllContexts.Answer<HealthCheck>> answers = contexts.ask(connection, HealthCheck::of);
        PrintWriter out = output.printer().out();
        int failed = 0;
        for (AllContexts.Answer<HealthCheck> answer : answers) {
            if (!answer.answered()) {
                continue;
            }
            HealthCheck check = answer.value();
            check.problems().forEach(line -> out.println(answer.context() + ": " + line));
            failed += check.problems().size();
            if (check.problems().isEmpty()) {
                out.println(answer.context() + ": " + check.healthy());
            }
        }
        out.flush();
        int code = Math.max(contexts.report(answers), failed > 0 ? ExitCode.FAILED_STATE : ExitCode.OK);
        if (failed > 0) {
            output.notice(failed + " FAILED; see the trace with: kconnect status NAME --context CONTEXT, "
                    + "then: kconnect restart NAME --context CONTEXT --include-tasks --only-failed");
        }
        return code;
    }
}

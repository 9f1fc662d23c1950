package dev.kconnect.compat;

import dev.kconnect.cli.KConnect;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** Runs a {@code kconnect} command in this JVM against one worker, as main() would. */
final class CliRunner {

    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final String url;

    CliRunner(String url) {
        this.url = url;
    }

    Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--url");
        all.add(url);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KConnect.commandLine()
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }
}

package dev.kconnect.cli.command.contexts;

import dev.kconnect.cli.command.AccessOptions;
import dev.kconnect.cli.command.ConnectionOptions;
import dev.kconnect.cli.command.Credentials;
import dev.kconnect.cli.config.Context;
import dev.kconnect.cli.config.ContextException;
import dev.kconnect.cli.config.ContextStore.Contents;
import dev.kconnect.cli.config.ContextStore;
import dev.kconnect.cli.output.Secrets;
import dev.kconnect.cli.output.Style;
import dev.kconnect.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Named workers with their credentials and certificates, kept in the user's config directory. */
@Command(name = "context", mixinStandardHelpOptions = true,
        description = {"Manage contexts: named Connect clusters with their URL, credentials and certificates.",
            "Kept in $KCONNECT_CONFIG, else $XDG_CONFIG_HOME/kconnect/config.json, else ~/.config/kconnect/config.json "
                + "(mode 0600). Passwords and tokens are stored as file names, never as values.",
            // the URL early in the line: picocli would wrap a line ending in one after "http:"
            "Which worker a command talks to: " + ConnectionOptions.DEFAULT_URL + ", unless --url, $KCONNECT_URL, "
                + "--context or the current context names another."},
        subcommands = {ContextCommand.Add.class, ContextCommand.Use.class, ContextCommand.ListContexts.class,
            ContextCommand.Remove.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  kconnect context add prod --url https://connect.example.com:8443 --ca-file ca.pem --user admin \\",
            "      --password-file ~/.kconnect-prod-password --bootstrap-server kafka-1.example.com:9092",
            "  kconnect context use prod",
            "  kconnect list --context staging"
        })
public final class ContextCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a context, or replace the one of that name. The first context becomes the current one.")
    static final class Add implements Runnable {
        /** Headers that carry credentials: the contexts file keeps those as file names only. */
        private static final Pattern SECRET_HEADER =
                Pattern.compile("(?i)(proxy-)?authorization");

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "CONTEXT", description = "Name of the context.")
        String name;

        @Option(names = "--url", paramLabel = "URL", required = true, description = "REST URL of a worker of the cluster.")
        String url;

        @Mixin
        AccessOptions access;

        @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT",
                description = "The cluster's Kafka brokers: status, list and top then show sinks' consumer lag.")
        String bootstrapServers;

        @Override
        public void run() {
            ConnectionOptions check = new ConnectionOptions();
            check.mixee = spec;
            if (check.workerUrl(url).getRawUserInfo() != null) {
                throw new ParameterException(spec.commandLine(), "--url '" + Secrets.maskUrl(url) + "' holds a user and "
                        + "password, which the contexts file would keep in clear; give --user NAME --password-file FILE instead");
            }
            Map<String, String> headers = check.parseHeaders(access.headers);
            headers.keySet().stream().filter(h -> SECRET_HEADER.matcher(h).matches()).findFirst().ifPresent(h -> {
                throw new ParameterException(spec.commandLine(), "--header " + h + " holds a credential, which the "
                        + "contexts file would keep in clear; put a token in a file and give --token-file FILE "
                        + "(or --user NAME --password-file FILE)");
            });
            checkReadable("--password-file", access.passwordFile);
            checkReadable("--token-file", access.tokenFile);
            checkReadable("--ca-file", access.caFile);
            checkReadable("--cert", access.certFile);
            checkReadable("--key", access.keyFile);
            Context context = new Context(url.strip(), access.user, absolute(access.passwordFile),
                    absolute(access.tokenFile), absolute(access.caFile), absolute(access.certFile),
                    absolute(access.keyFile), access.insecure, headers, bootstrapServers);
            ContextStore store = ContextStore.standard();
            Contents contents = store.load();
            boolean replaced = contents.contexts().containsKey(name);
            contents.contexts().put(name, context);
            String current = contents.current() == null ? name : contents.current();
            store.save(new Contents(current, contents.contexts()));
            PrintWriter out = spec.commandLine().getOut();
            out.println((replaced ? "replaced" : "added") + " context " + name + " (" + context.url() + ")"
                    + (name.equals(current) ? ", the current context" : "") + ", in " + store.file());
            out.flush();
        }

        /** A file the context will need: missing now, it would fail every later command. */
        private void checkReadable(String option, Path file) {
            if (file == null) {
                return;
            }
            try {
                Files.newInputStream(file).close();
            } catch (IOException e) {
                throw new ContextException("context '" + name + "': cannot read " + option + " " + file + ": "
                        + Credentials.reason(e) + "; create the file (or fix the path), then add the context again");
            }
        }

        private static String absolute(Path file) {
            return file == null ? null : file.toAbsolutePath().normalize().toString();
        }
    }

    @Command(name = "use", mixinStandardHelpOptions = true, description = "Make a context the current one.")
    static final class Use implements Runnable {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "CONTEXT", description = "Name of the context.")
        String name;

        @Override
        public void run() {
            ContextStore store = ContextStore.standard();
            Context context = store.get(name);
            store.save(new Contents(name, store.load().contexts()));
            spec.commandLine().getOut().println("now using context " + name + " (" + Secrets.maskUrl(context.url()) + ")");
            spec.commandLine().getOut().flush();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the contexts; * marks the current one. Header values are masked.")
    static final class ListContexts implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            Contents contents = ContextStore.standard().load();
            Table table = new Table("CURRENT", "NAME", "URL", "AUTH", "TLS");
            contents.contexts().forEach((name, c) -> table.row(name.equals(contents.current()) ? "*" : "", name,
                    Secrets.maskUrl(c.url()),
                    auth(c), tls(c)));
            table.print(spec.commandLine().getOut(), Style.forTerminal());
        }

        private static String auth(Context c) {
            List<String> parts = new ArrayList<>();
            if (c.user() != null) {
                parts.add("user " + c.user() + (c.passwordFile() != null ? " (password file " + c.passwordFile() + ")" : ""));
            }
            if (c.tokenFile() != null) {
                parts.add("token file " + c.tokenFile());
            }
            parts.addAll(masked(c.headers()));
            return String.join(", ", parts);
        }

        private static List<String> masked(Map<String, String> headers) {
            return headers.keySet().stream().sorted().map(h -> h + ": " + Secrets.MASK).collect(Collectors.toList());
        }

        private static String tls(Context c) {
            List<String> parts = new ArrayList<>();
            if (c.insecureTls()) {
                parts.add("insecure");
            }
            if (c.caFile() != null) {
                parts.add("ca " + c.caFile());
            }
            if (c.certFile() != null) {
                parts.add("cert " + c.certFile());
            }
            return String.join(", ", parts);
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a context.")
    static final class Remove implements Runnable {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "CONTEXT", description = "Name of the context.")
        String name;

        @Override
        public void run() {
            ContextStore store = ContextStore.standard();
            store.get(name);
            Contents contents = store.load();
            contents.contexts().remove(name);
            boolean wasCurrent = name.equals(contents.current());
            store.save(new Contents(wasCurrent ? null : contents.current(), contents.contexts()));
            spec.commandLine().getOut().println("removed context " + name
                    + (wasCurrent ? "; no context is current now (see: kconnect context use)" : ""));
            spec.commandLine().getOut().flush();
        }
    }
}

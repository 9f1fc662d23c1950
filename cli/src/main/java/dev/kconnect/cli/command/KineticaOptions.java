package dev.kconnect.cli.command;

import dev.kconnect.cli.input.BadInputException;
import dev.kconnect.cli.kinetica.KineticaSession;
import picocli.CommandLine.Option;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where Kinetica is and how to log in: {@code --kinetica-url} (else $KCONNECT_KINETICA_URL, else
 * the sandbox's http://localhost:9191); a user's password from {@code --kinetica-password-file},
 * else $KCONNECT_KINETICA_PASSWORD, else a prompt at a terminal, never the command line.
 */
public final class KineticaOptions {

    public static final String DEFAULT_URL = "http://localhost:9191";

    @Option(names = "--kinetica-url", paramLabel = "URL",
            description = "Kinetica's URL (default: $KCONNECT_KINETICA_URL, else " + DEFAULT_URL + ", the sandbox's).")
    public String url;

    @Option(names = "--kinetica-user", paramLabel = "USER",
            description = "Kinetica user (default: $KCONNECT_KINETICA_USER); the password comes from "
                    + "--kinetica-password-file, else $KCONNECT_KINETICA_PASSWORD, else a prompt at a terminal.")
    public String user;

    @Option(names = "--kinetica-password-file", paramLabel = "FILE", description = "File holding the Kinetica password.")
    public Path passwordFile;

    /** A session with Kinetica. */
    public KineticaSession session() {
        String named = named();
        return open(named != null ? named : DEFAULT_URL, true, Duration.ZERO);
    }

    /**
     * A session for completion: only with a URL named (no sandbox default to wait for), the
     * password from the file or the environment but never a prompt, each call bounded by
     * {@code timeout}; null when no URL is named.
     */
    public KineticaSession namedSession(Duration timeout) {
        String named = named();
        return named == null ? null : open(named, false, timeout);
    }

    /** --kinetica-url, else $KCONNECT_KINETICA_URL; null when neither is given. */
    private String named() {
        String envUrl = System.getenv("KCONNECT_KINETICA_URL");
        return url != null ? url : envUrl != null && !envUrl.isBlank() ? envUrl : null;
    }

    private KineticaSession open(String target, boolean interactive, Duration timeout) {
        String envUser = System.getenv("KCONNECT_KINETICA_USER");
        String who = user != null ? user : envUser != null && !envUser.isBlank() ? envUser : null;
        return KineticaSession.open(target.strip(), who, who == null ? null : password(who, target, interactive), timeout);
    }

    /** The password in {@code file} (--kinetica-password-file), without the line end an editor adds. */
    public static String readPassword(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                    : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        } catch (IOException e) {
            throw new BadInputException("cannot read --kinetica-password-file " + file + ": " + Credentials.reason(e));
        }
    }

    private String password(String who, String target, boolean interactive) {
        if (passwordFile != null) {
            return readPassword(passwordFile);
        }
        String env = System.getenv("KCONNECT_KINETICA_PASSWORD");
        if (env != null) {
            return env;
        }
        Console console = interactive ? System.console() : null;
        if (console != null) {
            char[] typed = console.readPassword("Kinetica password for %s at %s: ", who, target);
            if (typed != null) {
                return new String(typed);
            }
        }
        throw new BadInputException("no Kinetica password for user " + who + ": set KCONNECT_KINETICA_PASSWORD, pass "
                + "--kinetica-password-file FILE, or run at a terminal to be asked");
    }
}

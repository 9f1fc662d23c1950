package dev.kconnect.cli.command;

import dev.kconnect.cli.input.BadInputException;

import java.io.Console;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * The Authorization header: basic auth when a user is named (password from the URL's user info, a
 * file, $KCONNECT_PASSWORD or a prompt), else a bearer token (from a file or $KCONNECT_TOKEN).
 *
 * @param urlPassword the password of the URL's user info, if it had one
 * @param context     the context the credentials came from, named in every error; null when none
 */
public record Credentials(String user, Path passwordFile, Path tokenFile, String urlPassword, String context) {

    public Optional<String> authorization(URI url, boolean interactive) {
        if (user != null) {
            String pair = user + ":" + password(url, interactive);
            return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        String token = tokenFile != null ? read(tokenFile, "--token-file") : System.getenv("KCONNECT_TOKEN");
        return token == null || token.isBlank() ? Optional.empty() : Optional.of("Bearer " + token.strip());
    }

    private String password(URI url, boolean interactive) {
        if (passwordFile != null) {
            return read(passwordFile, "--password-file");
        }
        if (urlPassword != null) {
            return urlPassword;
        }
        String env = System.getenv("KCONNECT_PASSWORD");
        if (env != null) {
            return env;
        }
        Console console = System.console();
        if (interactive && console != null) {
            char[] typed = console.readPassword("Password for %s at %s: ", user, url);
            if (typed != null) {
                return new String(typed);
            }
        }
        throw new BadInputException(origin() + "no password for user " + user + ": set KCONNECT_PASSWORD, pass "
                + "--password-file FILE, or run at a terminal to be asked");
    }

    /** The file's content without the line end an editor adds. */
    private String read(Path file, String option) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                    : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        } catch (IOException e) {
            throw new BadInputException(origin() + "cannot read " + option + " " + file + ": " + reason(e)
                    + (context == null ? "" : "; fix the file, or the context with: kconnect context add " + context + " …"));
        }
    }

    private String origin() {
        return context == null ? "" : "context '" + context + "': ";
    }

    /** The JDK names only the file in these: say what is wrong with it. */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage();
    }
}

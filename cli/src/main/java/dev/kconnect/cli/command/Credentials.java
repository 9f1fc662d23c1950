package dev.kconnect.cli.command;

import dev.kconnect.cli.input.BadInputException;

import java.io.Console;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * The Authorization header: basic auth when a user is named (password from a file, $KCONNECT_PASSWORD
 * or a prompt), else a bearer token (from a file or $KCONNECT_TOKEN). Secrets never come from the
 * command line, so they never show in the shell history or the process list.
 */
record Credentials(String user, Path passwordFile, Path tokenFile) {

    Optional<String> authorization(URI url, boolean interactive) {
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
        throw new BadInputException("no password for user " + user + ": set KCONNECT_PASSWORD, pass --password-file FILE,"
                + " or run at a terminal to be asked");
    }

    /** The file's content without the line end an editor adds. */
    private static String read(Path file, String option) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                    : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        } catch (IOException e) {
            throw new BadInputException("cannot read " + option + " " + file + ": " + e.getMessage());
        }
    }
}

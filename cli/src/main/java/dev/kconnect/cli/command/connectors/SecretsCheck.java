package dev.kconnect.cli.command.connectors;

import dev.kconnect.cli.client.ConnectClient;
import dev.kconnect.cli.client.NotFoundException;
import dev.kconnect.cli.client.model.ConfigInfos;
import dev.kconnect.cli.client.model.ConfigKeyInfo;
import dev.kconnect.cli.input.BadInputException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Warns when a PASSWORD-type option of a connector holds its secret as a literal: Connect keeps
 * a connector's config in clear in its config topic and returns it to anyone who may read the
 * config, so the secret belongs behind a config provider ({@code ${file:PATH:KEY}},
 * {@code ${env:VAR}}, {@code ${directory:DIR:FILE}}), resolved only on the worker.
 * {@code --strict-secrets} turns the warning into a refusal (exit 2) before anything is changed.
 * The secret's value is never printed, only the option's name.
 */
public final class SecretsCheck {

    /** Connect's ConfigTransformer pattern: ${provider:[path:]key}. */
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{[^}]*?:[^}]*?}");

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--strict-secrets",
            description = "Refuse (exit 2, nothing changed) a PASSWORD-type option holding a literal value rather "
                    + "than a config provider reference such as $${file:PATH:KEY}.")
    boolean strict;

    /** True when {@code value} is a secret written out rather than a reference to one; empty is no secret. */
    static boolean literal(String value) {
        return value != null && !value.isEmpty() && !REFERENCE.matcher(value).find();
    }

    /** The PASSWORD-type options of the plugin (one request); none when the worker has no such plugin. */
    static Set<String> passwordKeys(ConnectClient client, String plugin) {
        try {
            return client.pluginConfig(plugin).value().stream().filter(ConfigKeyInfo::secret)
                    .map(ConfigKeyInfo::name).collect(Collectors.toUnmodifiableSet());
        } catch (NotFoundException e) {
            return Set.of(); // the command's own call names the missing plugin
        }
    }

    /** The PASSWORD-type options, as an answer to config/validate defines them. */
    static Set<String> passwordKeys(ConfigInfos validation) {
        return validation == null ? Set.of() : validation.configs().stream().map(ConfigInfos.ConfigInfo::definition)
                .filter(Objects::nonNull).filter(ConfigKeyInfo::secret).map(ConfigKeyInfo::name)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * For create and put, before the change: with --strict-secrets, refuses a literal now, before
     * anything is sent. Without it nothing is asked yet, so the change stays the command's first request.
     */
    void beforeChange(ConnectClient client, String connector, Map<String, String> config) {
        if (strict) {
            check(connector, config, passwordKeys(client, config.get("connector.class")));
        }
    }

    /** For create and put, once the change is made: without --strict-secrets, the warning (one more request). */
    void afterChange(ConnectClient client, String connector, Map<String, String> config) {
        if (!strict) {
            check(connector, config, passwordKeys(client, config.get("connector.class")));
        }
    }

    /** Checks one connector's config; see {@link #check(Map)}. */
    void check(String connector, Map<String, String> config, Set<String> passwordKeys) {
        check(Map.of(connector, literalKeys(config, passwordKeys)));
    }

    /** Which of {@code passwordKeys} hold literals in {@code config}, in name order. */
    static List<String> literalKeys(Map<String, String> config, Set<String> passwordKeys) {
        return passwordKeys.stream().filter(key -> literal(config.get(key))).sorted().toList();
    }

    /**
     * One line on stderr per connector and literal option; with --strict-secrets, then a refusal
     * (exit 2). Connectors come in the order given.
     */
    void check(Map<String, List<String>> literalsByConnector) {
        PrintWriter err = mixee.commandLine().getErr();
        int count = 0;
        for (Map.Entry<String, List<String>> entry : new LinkedHashMap<>(literalsByConnector).entrySet()) {
            for (String key : entry.getValue()) {
                count++;
                err.println("kconnect: " + (strict ? "" : "warning: ") + "connector '" + entry.getKey() + "': " + key
                        + " holds a literal secret, which Connect stores in clear and shows to anyone who can read the "
                        + "config; use a reference such as ${file:/etc/kconnect/secrets.properties:" + key
                        + "} (see the README, \"Secrets in connector configs\")");
            }
        }
        err.flush();
        if (strict && count > 0) {
            throw new BadInputException(count + " literal secret(s), listed above, and --strict-secrets: nothing was "
                    + "changed; put each behind ${file:PATH:KEY}, ${env:VAR} or ${directory:DIR:FILE}");
        }
    }
}

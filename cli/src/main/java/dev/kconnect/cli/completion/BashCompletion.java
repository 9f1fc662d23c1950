package dev.kconnect.cli.completion;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the bash completion script from the command tree: commands, options, option values
 * (fixed choices, files) and, through the hidden {@code __complete} command, connector names and
 * plugin classes from the live worker, topic names from Kafka, table names from Kinetica, and
 * context names. zsh runs it through bashcompinit.
 */
public final class BashCompletion {
    /** Where a value comes from; the names are the script's and {@code __complete}'s. */
    enum Source { NONE, FILES, CONNECTORS, PLUGINS, CONTEXTS, TOPICS, TABLES, WORDS }

    private BashCompletion() {
    }

    public static String script(CommandLine root) {
        StringBuilder vars = new StringBuilder();
        describe(root.getCommandSpec(), "kconnect", vars);
        String template = TEMPLATE;
        return template.replace("@TABLE@", vars.toString().stripTrailing());
    }

    private static void describe(CommandSpec spec, String key, StringBuilder out) {
        List<String> subcommands = new ArrayList<>();
        spec.subcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden() && name.equals(sub.getCommandName())) {
                subcommands.add(name);
            }
        });
        List<String> options = new ArrayList<>();
        StringBuilder values = new StringBuilder();
        for (OptionSpec option : spec.options()) {
            if (option.hidden()) {
                continue;
            }
            options.addAll(List.of(option.names()));
            if (option.arity().max() > 0) {
                String value = valueOf(option);
                for (String name : option.names()) {
                    values.append(name).append('=').append(value).append(' ');
                }
            }
        }
        String positional = spec.positionalParameters().stream().filter(p -> !p.hidden()).findFirst()
                .map(BashCompletion::valueOf).orElse(Source.NONE.name().toLowerCase(Locale.ROOT));
        String var = key.replace('-', '_');
        out.append("_kc_cmds[").append(var).append("]=").append(quote(String.join(" ", subcommands))).append('\n');
        out.append("_kc_opts[").append(var).append("]=").append(quote(String.join(" ", options))).append('\n');
        out.append("_kc_vals[").append(var).append("]=").append(quote(values.toString().trim())).append('\n');
        out.append("_kc_args[").append(var).append("]=").append(quote(positional)).append('\n');
        for (String sub : subcommands) {
            describe(spec.subcommands().get(sub).getCommandSpec(), key + "_" + sub, out);
        }
    }

    /** What values an option or parameter takes, as the script encodes it. */
    private static String valueOf(ArgSpec arg) {
        String label = arg.paramLabel().replaceAll("[<>\\[\\]]", "").toUpperCase(Locale.ROOT);
        Class<?> type = arg.type();
        if (arg.completionCandidates() != null && arg.completionCandidates().iterator().hasNext()) {
            List<String> words = new ArrayList<>();
            arg.completionCandidates().forEach(words::add);
            return "words:" + String.join(",", words);
        }
        if (arg instanceof OptionSpec o && List.of(o.names()).contains("--context") || label.startsWith("CONTEXT")) {
            return lower(Source.CONTEXTS);
        }
        if (label.startsWith("NAME") || label.startsWith("CONNECTOR")) {
            return lower(Source.CONNECTORS);
        }
        if (label.startsWith("CLASS") || label.startsWith("PLUGIN")) {
            return lower(Source.PLUGINS);
        }
        if (label.equals("TOPIC")) {
            return lower(Source.TOPICS);
        }
        if (label.equals("TABLE")) {
            return lower(Source.TABLES);
        }
        if (type == Path.class || type == File.class || label.contains("FILE") || label.contains("DIR")) {
            return lower(Source.FILES);
        }
        if (arg instanceof PositionalParamSpec && List.class.isAssignableFrom(type)) {
            Class<?>[] aux = arg.auxiliaryTypes();
            if (aux.length > 0 && (aux[0] == Path.class || aux[0] == File.class)) {
                return lower(Source.FILES);
            }
        }
        return lower(Source.NONE);
    }

    private static String lower(Source s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static final String TEMPLATE = """
            # bash completion for kconnect (bash 4+). zsh: autoload -U +X compinit && compinit &&
            # autoload -U +X bashcompinit && bashcompinit, then source this.
            # Generated from the command tree by `kconnect completion bash`: do not edit.
            # Connector names and plugin classes are asked of the worker named on the command line
            # (--url/--context), topics of the brokers it names (--bootstrap-server/--context or
            # KCONNECT_BOOTSTRAP_SERVERS), tables of the Kinetica it names (--kinetica-url or
            # KCONNECT_KINETICA_URL; never a password prompt): quickly and silently.

            declare -A _kc_cmds _kc_opts _kc_vals _kc_args
            @TABLE@

            _kconnect_live() {
              [[ -n ${ZSH_VERSION-} ]] && setopt localoptions shwordsplit ksharrays
              local what=$1 i args=()
              for ((i = 1; i < COMP_CWORD; i++)); do
                case "${COMP_WORDS[i]}" in
                  --url|--context|--bootstrap-server|--kinetica-url|--kinetica-user|--kinetica-password-file)
                    args+=("${COMP_WORDS[i]}" "${COMP_WORDS[i+1]}") ;;
                  --url=*|--context=*|--bootstrap-server=*|--kinetica-url=*|--kinetica-user=*|--kinetica-password-file=*)
                    args+=("${COMP_WORDS[i]}") ;;
                esac
              done
              if command -v timeout >/dev/null 2>&1; then
                timeout 5 "${COMP_WORDS[0]}" __complete "$what" "${args[@]}" 2>/dev/null
              else
                "${COMP_WORDS[0]}" __complete "$what" "${args[@]}" 2>/dev/null
              fi
            }

            _kconnect_values() {
              [[ -n ${ZSH_VERSION-} ]] && setopt localoptions shwordsplit ksharrays
              local kind=$1 cur=$2 list
              case "$kind" in
                files) COMPREPLY=($(compgen -G "${cur}*")) ;;
                connectors|plugins|contexts|topics|tables) COMPREPLY=($(compgen -W "$(_kconnect_live "$kind")" -- "$cur")) ;;
                words:*) list=${kind#words:}; COMPREPLY=($(compgen -W "${list//,/ }" -- "$cur")) ;;
                *) COMPREPLY=() ;;
              esac
            }

            _kconnect() {
              # zsh (bashcompinit): split words and index arrays from 0, as bash does
              [[ -n ${ZSH_VERSION-} ]] && setopt localoptions shwordsplit ksharrays
              local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
              local key=kconnect i word val
              # walk down the command tree, skipping options and their values
              for ((i = 1; i < COMP_CWORD; i++)); do
                word=${COMP_WORDS[i]}
                if [[ " ${_kc_cmds[$key]} " == *" $word "* ]]; then
                  key=${key}_${word//-/_}
                fi
              done
              # the value of an option
              for val in ${_kc_vals[$key]}; do
                if [[ ${val%%=*} == "$prev" ]]; then
                  _kconnect_values "${val#*=}" "$cur"
                  return 0
                fi
              done
              if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W "${_kc_opts[$key]}" -- "$cur"))
              elif [[ -n ${_kc_cmds[$key]} ]]; then
                COMPREPLY=($(compgen -W "${_kc_cmds[$key]}" -- "$cur"))
              else
                _kconnect_values "${_kc_args[$key]}" "$cur"
              fi
              return 0
            }

            # ./kconnect too: the launcher in a fresh clone, before anything is installed
            complete -F _kconnect kconnect ./kconnect
            """;
}

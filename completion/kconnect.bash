# bash completion for kconnect (bash 4+). zsh: autoload -U +X compinit && compinit &&
# autoload -U +X bashcompinit && bashcompinit, then source this.
# Generated from the command tree by `kconnect completion bash`: do not edit.
# Connector names and plugin classes are asked of the worker named on the command line
# (--url/--context), topics of the brokers it names (--bootstrap-server/--context or
# KCONNECT_BOOTSTRAP_SERVERS), tables of the Kinetica it names (--kinetica-url or
# KCONNECT_KINETICA_URL; never a password prompt): quickly and silently.

declare -A _kc_cmds _kc_opts _kc_vals _kc_args
_kc_cmds[kconnect]='list get status health heal top wait config tasks create put patch delete pause resume stop restart info offsets migrate dlq plugins validate loggers apply diff context topic kinetica sandbox standalone distributed completion help'
_kc_opts[kconnect]='--verbose -h --help -V --version'
_kc_vals[kconnect]=''
_kc_args[kconnect]='none'
_kc_cmds[kconnect_list]=''
_kc_opts[kconnect_list]='--url --context --request-timeout --user --password-file --token-file --header --ca-file --cert --key --insecure -o --output --bootstrap-server --where --all-contexts -h --help -V --version --verbose'
_kc_vals[kconnect_list]='--url=none --context=contexts --request-timeout=none --user=none --password-file=files --token-file=files --header=none --ca-file=files --cert=files --key=files -o=words:table,json,yaml,name --output=words:table,json,yaml,name --bootstrap-server=none --where=none'
_kc_args[kconnect_list]='none'
_kc_cmds[kconnect_get]=''
_kc_opts[kconnect_get]='--url --context --request-timeout --user --password-file --token-file --header --ca-file --cert --key --insecure -o --output -h --help -V --version --verbose'
_kc_vals[kconnect_get]='--url=none --context=contexts --request-timeout=none --user=none --password-file=files --token-file=files --header=none --ca-file=files --cert=files --key=files -o=words:table,json,yaml,name --output=words:table,json,yaml,name'
_kc_args[kconnect_get]='connectors'
_kc_cmds[kconnect_status]=''
_kc_opts[kconnect_status]='--url --context --request-timeout --user --password-file --token-file --header --ca-file --cert --key --insecure -o --output --bootstrap-server --rate-over -h --help -V --version --verbose'
_kc_vals[kconnect_status]='--url=none --context=contexts --request-timeout=none --user=none --password-file=files --token-file=files --header=none --ca-file=files --cert=files --key=files -o=words:table,json,yaml,name --output=words:table,json,yaml,name --bootstrap-server=none --rate-over=none'
_kc_args[kconnect_status]='connectors'
_kc_cmds[kconnect_health]=''
_kc_opts[kconnect_health]='--url --context --request-timeout --user --password-file --token-file --header --ca-file --cert --key --insecure -o --output --all-contexts -h --help -V --version --verbose'
_kc_vals[kconnect_health]='--url=none --context=contexts --request-timeout=none --user=none --password-file=files --token-file=files --header=none --ca-file=files --cert=files --key=files -o=words:table,json,yaml,name --output=words:table,json,yaml,name'
_kc_args[kconnect_health]='none'
_kc_cmds[kconnect_heal]=''
_kc_opts[kconnect_heal]='--url --context --request-timeout --user --password-file --token-file --header --ca-file --cert --key --insecure -o --output --interval --max-restarts --window --backoff --only --never --once -h --help -V --version --verbose'
_kc_vals[kconnect_heal]='--url=none --context=contexts --request-timeout=none --user=none --password-file=files --token-file=files --header=none --ca-file=files --cert=files --key=files -o=words:table,json,yaml,name --output=words:table,json,yaml,name --interval=none --max-restarts=none --window=none --backoff=none --only=none --never=none'
_kc_args[kconnect_heal]='connectors'
_kc_cmds[kconnect_top]=''
_kc_opts[kconnect_top]='--url --context --request-timeout --user --password-file --token-file --header --ca-file --cert --key --insecure --bootstrap-server --interval -h --help -V --version --verbose'
_kc_vals[kconnect_top]='--url=none --context=contexts --request-timeout=none --user=none --password-file=files --token-file=files --header=none --ca-file=files --cert=files --key=files --bootstrap-server=none --interval=none'
_kc_args[kconnect_top]='none'
_kc_cmds[kconnect_wait]=''
_kc_opts[kconnect_wait]='--url --context --request-timeout --user --password-file --token-file --header --ca-file --cert --key --insecure -o --output --bootstrap-server --lag --timeout -h --help -V --version --verbose'
_kc_vals[kconnect_wait]='--url=none --context=contexts --request-timeout=none --user=none --password-file=files --token-file=files --header=none --ca-file=files --cert=files --key=files -o=words:table,json,yaml,name --output=words:table,json,yaml,name --bootstrap-server=none --lag=none --timeout=none'
_kc_args[kconnect_wait]='connectors'
_kc_cmds[kconnect_config]=''
_kc_opts[kconnect_config]='--url --context --request-timeout --user --password-file --token-file --header --ca-file --cert --key --insecure -o --output -h --help -V --version --verbose'
_kc_vals[kconnect_config]='--url=none --context=contexts --request-timeout=none --user=none --password-file=files --token-file=files --header=none --ca-file=files --cert=files --key=files -o=words:table,json,yaml,name --output=words:table,json,yaml,name'
_kc_args[kconnect_config]='connectors'
_kc_cmds[kconnect_tasks]=''
_kc_opts[kconnect_tasks]='--url --context --request-timeout --user --password-file --token-file --header --ca-file --cert --key --insecure -o --output -h --help -V --version --verbose'
_kc_vals[kconnect_tasks]='--url=none --context=contexts --request-timeout=none --user=none --password-file=files --token-file=files --header=none --ca-file=files --cert=files --key=files -o=words:table,json,yaml,name --output=words:table,json,yaml,name'
_kc_args[kconnect_tasks]='connectors'
_kc_cmds[kconnect_create]=''
_kc_opts[kconnect_create]='--url --context --request-timeout --user --password-file --token-file --header --ca-file --cert --key --insecure -o --output -f --file --state --offsets --plugin-version --wait --timeout --settle --strict-secrets -h --help -V --version --verbose'
_kc_vals[kconnect_create]='--url=none --context=contexts --request-timeout=none --user=none --password-file=files --token-file=files --header=none --ca-file=files --cert=files --key=files -o=words:table,json,yaml,name --output=words:table,json,yaml,name -f=files --file=files --state=words:running,paused,stopped --offsets=files --plugin-version=none --timeout=none --settle=none'
_kc_args[kconnect_create]='none'
_kc_cmds[kconnect_put]=''
_kc_opts[kconnect_put]='--url --context --request-timeout --user --password-file --token-file --header --ca-file --cert --key --insecure -o --output -f --file --wait --timeout --settle --strict-secrets -h --help -V --version --verbose'
_kc_vals[kconnect_put]='--url=none --context=contexts --request-timeout=none --user=none --password-file=files --token-file=files --header=none --ca-file=files --cert=files --key=files -o=words:table,json,yaml,name --output=words:table,json,yaml,name -f=files --file=files --timeout=none --settle=none'
_kc_args[kconnect_put]='connectors'
_kc_cmds[kconnect_patch]=''
_kc_opts[kconnect_patch]='--url --context --request-timeout --user --password-file --token-file --header --ca-file --cert --key --insecure -o --output --unset --dry-run -h --help -V --version --verbose'
_kc_vals[kconnect_patch]='--url=none --context=contexts --request-timeout=none --user=none --password-file=files --token-file=files --header=none --ca-file=files --cert=files --key=files -o=words:table,json,yaml,name --output=words:table,json,yaml,name --unset=none'
_kc_args[kconnect_patch]='connectors'
_kc_cmds[kconnect_delete]=''
_kc_opts[kconnect_delete]='--url --context --request-timeout --user --password-file --token-file --header --ca-file --cert --key --insecure -o --output -y --yes -h --help -V --version --verbose'
_kc_vals[kconnect_delete]='--url=none --context=contexts --request-timeout=none --user=none --password-file=files --token-file=files --header=none --ca-file=files --cert=files --key=files -o=words:table,json,yaml,name --output=words:table,json,yaml,name'
_kc_args[kconnect_delete]='connectors'
_kc_cmds[kconnect_pause]=''
_kc_opts[kconnect_pause]='--url --context --request-timeout --user --password-file --token-file --header --ca-file --cert --key --insecure -o --output -h --help -V --version --verbose'
_kc_vals[kconnect_pause]='--url=none --context=contexts --request-timeout=none --user=none --password-file=files --token-file=files --header=none --ca-file=files --cert=files --key=files -o=words:table,json,yaml,name --output=words:table,json,yaml,name'
_kc_args[kconnect_pause]='connectors'
_kc_cmds[kconnect_resume]=''
_kc_opts[kconnect_resume]='--url --context --request-timeout --user --password-file --token-file --header --ca-file --cert --key --insecure -o --output --wait --timeout --settle -h --help -V --version --verbose'
_kc_vals[kconnect_resume]='--url=none --context=contexts --request-timeout=none --user=none --password-file=files --token-file=files --header=none --ca-file=files --cert=files --key=files -o=words:table,json,yaml,name --output=words:table,json,yaml,name --timeout=none --settle=none'
_kc_args[kconnect_resume]='connectors'
_kc_cmds[kconnect_stop]=''
_kc_opts[kconnect_stop]='--url --context --request-timeout --user --password-file --token-file --header --ca-file --cert --key --insecure -o --output -h --help -V --version --verbose'
_kc_vals[kconnect_stop]='--url=none --context=contexts --request-timeout=none --user=none --password-file=files --token-file=files --header=none --ca-file=files --cert=files --key=files -o=words:table,json,yaml,name --output=words:table,json,yaml,name'
_kc_args[kconnect_stop]='connectors'
_kc_cmds[kconnect_restart]=''
_kc_opts[kconnect_restart]='--url --context --request-timeout --user --password-file --token-file --header --ca-file --cert --key --insecure -o --output --include-tasks --only-failed --wait --timeout --settle -h --help -V --version --verbose'
_kc_vals[kconnect_restart]='--url=none --context=contexts --request-timeout=none --user=none --password-file=files --token-file=files --header=none --ca-file=files --cert=files --key=files -o=words:table,json,yaml,name --output=words:table,json,yaml,name --timeout=none --settle=none'
_kc_args[kconnect_restart]='connectors'
_kc_cmds[kconnect_info]=''
_kc_opts[kconnect_info]='--url --context --request-timeout --user --password-file --token-file --header --ca-file --cert --key --insecure -o --output -h --help -V --version --verbose'
_kc_vals[kconnect_info]='--url=none --context=contexts --request-timeout=none --user=none --password-file=files --token-file=files --header=none --ca-file=files --cert=files --key=files -o=words:table,json,yaml,name --output=words:table,json,yaml,name'
_kc_args[kconnect_info]='none'
_kc_cmds[kconnect_offsets]=''
_kc_opts[kconnect_offsets]='--url --context --request-timeout --user --password-file --token-file --header --ca-file --cert --key --insecure -o --output --reset --set -h --help -V --version --verbose'
_kc_vals[kconnect_offsets]='--url=none --context=contexts --request-timeout=none --user=none --password-file=files --token-file=files --header=none --ca-file=files --cert=files --key=files -o=words:table,json,yaml,name --output=words:table,json,yaml,name --set=files'
_kc_args[kconnect_offsets]='connectors'
_kc_cmds[kconnect_migrate]=''
_kc_opts[kconnect_migrate]='--url --context --request-timeout --user --password-file --token-file --header --ca-file --cert --key --insecure -o --output --to-context --rename --delete-source --timeout -h --help -V --version --verbose'
_kc_vals[kconnect_migrate]='--url=none --context=contexts --request-timeout=none --user=none --password-file=files --token-file=files --header=none --ca-file=files --cert=files --key=files -o=words:table,json,yaml,name --output=words:table,json,yaml,name --to-context=contexts --rename=none --timeout=none'
_kc_args[kconnect_migrate]='connectors'
_kc_cmds[kconnect_dlq]='replay'
_kc_opts[kconnect_dlq]='--url --context --request-timeout --user --password-file --token-file --header --ca-file --cert --key --insecure -o --output --group-by --bootstrap-server --max -h --help -V --version --verbose'
_kc_vals[kconnect_dlq]='--url=none --context=contexts --request-timeout=none --user=none --password-file=files --token-file=files --header=none --ca-file=files --cert=files --key=files -o=words:table,json,yaml,name --output=words:table,json,yaml,name --group-by=words:exception,stage --bootstrap-server=none --max=none'
_kc_args[kconnect_dlq]='connectors'
_kc_cmds[kconnect_dlq_replay]=''
_kc_opts[kconnect_dlq_replay]='--url --context --request-timeout --user --password-file --token-file --header --ca-file --cert --key --insecure -o --output --to --where --dry-run --bootstrap-server --max -h --help -V --version --verbose'
_kc_vals[kconnect_dlq_replay]='--url=none --context=contexts --request-timeout=none --user=none --password-file=files --token-file=files --header=none --ca-file=files --cert=files --key=files -o=words:table,json,yaml,name --output=words:table,json,yaml,name --to=topics --where=none --bootstrap-server=none --max=none'
_kc_args[kconnect_dlq_replay]='connectors'
_kc_cmds[kconnect_plugins]=''
_kc_opts[kconnect_plugins]='--url --context --request-timeout --user --password-file --token-file --header --ca-file --cert --key --insecure -o --output --all --plugin-version -h --help -V --version --verbose'
_kc_vals[kconnect_plugins]='--url=none --context=contexts --request-timeout=none --user=none --password-file=files --token-file=files --header=none --ca-file=files --cert=files --key=files -o=words:table,json,yaml,name --output=words:table,json,yaml,name --plugin-version=none'
_kc_args[kconnect_plugins]='plugins'
_kc_cmds[kconnect_validate]=''
_kc_opts[kconnect_validate]='--url --context --request-timeout --user --password-file --token-file --header --ca-file --cert --key --insecure -o --output -f --file --strict-secrets -h --help -V --version --verbose'
_kc_vals[kconnect_validate]='--url=none --context=contexts --request-timeout=none --user=none --password-file=files --token-file=files --header=none --ca-file=files --cert=files --key=files -o=words:table,json,yaml,name --output=words:table,json,yaml,name -f=files --file=files'
_kc_args[kconnect_validate]='none'
_kc_cmds[kconnect_loggers]=''
_kc_opts[kconnect_loggers]='--url --context --request-timeout --user --password-file --token-file --header --ca-file --cert --key --insecure -o --output --cluster -h --help -V --version --verbose'
_kc_vals[kconnect_loggers]='--url=none --context=contexts --request-timeout=none --user=none --password-file=files --token-file=files --header=none --ca-file=files --cert=files --key=files -o=words:table,json,yaml,name --output=words:table,json,yaml,name'
_kc_args[kconnect_loggers]='none'
_kc_cmds[kconnect_apply]=''
_kc_opts[kconnect_apply]='--url --context --request-timeout --user --password-file --token-file --header --ca-file --cert --key --insecure -f --file --dry-run --state --wait --timeout --settle -o --output --strict-secrets -h --help -V --version --verbose'
_kc_vals[kconnect_apply]='--url=none --context=contexts --request-timeout=none --user=none --password-file=files --token-file=files --header=none --ca-file=files --cert=files --key=files -f=files --file=files --state=words:running,paused,stopped --timeout=none --settle=none -o=words:table,json,yaml,name --output=words:table,json,yaml,name'
_kc_args[kconnect_apply]='none'
_kc_cmds[kconnect_diff]=''
_kc_opts[kconnect_diff]='--url --context --request-timeout --user --password-file --token-file --header --ca-file --cert --key --insecure -f --file -o --output -h --help -V --version --verbose'
_kc_vals[kconnect_diff]='--url=none --context=contexts --request-timeout=none --user=none --password-file=files --token-file=files --header=none --ca-file=files --cert=files --key=files -f=files --file=files -o=words:table,json,yaml,name --output=words:table,json,yaml,name'
_kc_args[kconnect_diff]='none'
_kc_cmds[kconnect_context]='add use list remove'
_kc_opts[kconnect_context]='-h --help -V --version --verbose'
_kc_vals[kconnect_context]=''
_kc_args[kconnect_context]='none'
_kc_cmds[kconnect_context_add]=''
_kc_opts[kconnect_context_add]='--url --user --password-file --token-file --header --ca-file --cert --key --insecure --bootstrap-server -h --help -V --version --verbose'
_kc_vals[kconnect_context_add]='--url=none --user=none --password-file=files --token-file=files --header=none --ca-file=files --cert=files --key=files --bootstrap-server=none'
_kc_args[kconnect_context_add]='contexts'
_kc_cmds[kconnect_context_use]=''
_kc_opts[kconnect_context_use]='-h --help -V --version --verbose'
_kc_vals[kconnect_context_use]=''
_kc_args[kconnect_context_use]='contexts'
_kc_cmds[kconnect_context_list]=''
_kc_opts[kconnect_context_list]='-h --help -V --version --verbose'
_kc_vals[kconnect_context_list]=''
_kc_args[kconnect_context_list]='none'
_kc_cmds[kconnect_context_remove]=''
_kc_opts[kconnect_context_remove]='-h --help -V --version --verbose'
_kc_vals[kconnect_context_remove]=''
_kc_args[kconnect_context_remove]='contexts'
_kc_cmds[kconnect_topic]='read write'
_kc_opts[kconnect_topic]='-h --help -V --version --verbose'
_kc_vals[kconnect_topic]=''
_kc_args[kconnect_topic]='none'
_kc_cmds[kconnect_topic_read]=''
_kc_opts[kconnect_topic_read]='--from-beginning --max --idle --key -o --output --bootstrap-server --context -h --help -V --version --verbose'
_kc_vals[kconnect_topic_read]='--max=none --idle=none -o=words:text,json --output=words:text,json --bootstrap-server=none --context=contexts'
_kc_args[kconnect_topic_read]='topics'
_kc_cmds[kconnect_topic_write]=''
_kc_opts[kconnect_topic_write]='-f --file --schema --bootstrap-server --context -h --help -V --version --verbose'
_kc_vals[kconnect_topic_write]='-f=files --file=files --bootstrap-server=none --context=contexts'
_kc_args[kconnect_topic_write]='topics'
_kc_cmds[kconnect_kinetica]='tables rows'
_kc_opts[kconnect_kinetica]='-h --help -V --version --verbose'
_kc_vals[kconnect_kinetica]=''
_kc_args[kconnect_kinetica]='none'
_kc_cmds[kconnect_kinetica_tables]=''
_kc_opts[kconnect_kinetica_tables]='--kinetica-url --kinetica-user --kinetica-password-file -o --output -h --help -V --version --verbose'
_kc_vals[kconnect_kinetica_tables]='--kinetica-url=none --kinetica-user=none --kinetica-password-file=files -o=words:table,json,yaml,name --output=words:table,json,yaml,name'
_kc_args[kconnect_kinetica_tables]='none'
_kc_cmds[kconnect_kinetica_rows]=''
_kc_opts[kconnect_kinetica_rows]='--where --max --count -o --output --kinetica-url --kinetica-user --kinetica-password-file -h --help -V --version --verbose'
_kc_vals[kconnect_kinetica_rows]='--where=none --max=none -o=words:table,json --output=words:table,json --kinetica-url=none --kinetica-user=none --kinetica-password-file=files'
_kc_args[kconnect_kinetica_rows]='tables'
_kc_cmds[kconnect_sandbox]='fault'
_kc_opts[kconnect_sandbox]='--kafka-port --kinetica-port --control-port --rest-port --data-dir --demo --log-dir --kinetica-user --kinetica-password-file -h --help -V --version --verbose'
_kc_vals[kconnect_sandbox]='--kafka-port=none --kinetica-port=none --control-port=none --rest-port=none --data-dir=files --demo=none --log-dir=files --kinetica-user=none --kinetica-password-file=files'
_kc_args[kconnect_sandbox]='none'
_kc_cmds[kconnect_sandbox_fault]=''
_kc_opts[kconnect_sandbox_fault]='--for --calls --control-url -h --help -V --version --verbose'
_kc_vals[kconnect_sandbox_fault]='--for=none --calls=none --control-url=none'
_kc_args[kconnect_sandbox_fault]='none'
_kc_cmds[kconnect_standalone]=''
_kc_opts[kconnect_standalone]='--worker -D --log-dir -h --help -V --version --verbose'
_kc_vals[kconnect_standalone]='--worker=files -D=none --log-dir=files'
_kc_args[kconnect_standalone]='files'
_kc_cmds[kconnect_distributed]=''
_kc_opts[kconnect_distributed]='-D --log-dir -h --help -V --version --verbose'
_kc_vals[kconnect_distributed]='-D=none --log-dir=files'
_kc_args[kconnect_distributed]='files'
_kc_cmds[kconnect_completion]=''
_kc_opts[kconnect_completion]='-h --help -V --version --verbose'
_kc_vals[kconnect_completion]=''
_kc_args[kconnect_completion]='words:bash,zsh'
_kc_cmds[kconnect_help]=''
_kc_opts[kconnect_help]='-h --help --verbose'
_kc_vals[kconnect_help]=''
_kc_args[kconnect_help]='none'

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

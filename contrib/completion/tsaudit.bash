# bash completion for tsaudit: commands, each command's options (read from
# 'tsaudit COMMAND --help', so new options complete without a change here),
# dialect names for --vendor, severities for --fail-on, check ids for
# explain, and files elsewhere. Installed by 'cmake --install' into
# share/bash-completion/completions/tsaudit.

_tsaudit_commands() {
    "${1:-tsaudit}" --help 2>/dev/null | awk '/^commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { on = 0 }'
}

_tsaudit() {
    local cur prev bin cmd
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD - 1]}
    bin=${COMP_WORDS[0]}
    if [ "$COMP_CWORD" -eq 1 ]; then
        COMPREPLY=($(compgen -W "$(_tsaudit_commands "$bin") --help --version" -- "$cur"))
        return
    fi
    cmd=${COMP_WORDS[1]}
    case "$prev" in
        --vendor)
            COMPREPLY=($(compgen -W "$("$bin" checks --help 2>/dev/null | grep -o 'cisco-[a-z]*\|arista-eos\|juniper-junos\|nokia-sros\|huawei-vrp\|fortinet-fortios\|aws\|azure\|gcp\|terraform' | sort -u)" -- "$cur"))
            return ;;
        --fail-on)
            COMPREPLY=($(compgen -W "low medium high critical never" -- "$cur"))
            return ;;
        --severity-min)
            COMPREPLY=($(compgen -W "info low medium high critical" -- "$cur"))
            return ;;
        --status)
            COMPREPLY=($(compgen -W "pass fail not_applicable unknown needs_context waived" -- "$cur"))
            return ;;
        --checks | --skip-checks)
            COMPREPLY=($(compgen -W "$("$bin" checks 2>/dev/null | cut -f1)" -- "$cur"))
            return ;;
        --format)
            COMPREPLY=($(compgen -W "text json sarif csv junit html oscal plan" -- "$cur"))
            return ;;
        --tier)
            COMPREPLY=($(compgen -W "1 2 3" -- "$cur"))
            return ;;
        --code)
            COMPREPLY=($(compgen -W "2022 2026" -- "$cur"))
            return ;;
    esac
    if [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "$("$bin" "$cmd" --help 2>/dev/null | grep -o -- '--[a-z][a-z-]*' | sort -u)" -- "$cur"))
        return
    fi
    if [ "$cmd" = explain ] || [ "$cmd" = help ]; then
        local words
        if [ "$cmd" = help ]; then words=$(_tsaudit_commands "$bin"); else words=$("$bin" checks 2>/dev/null | cut -f1); fi
        COMPREPLY=($(compgen -W "$words" -- "$cur"))
        return
    fi
    COMPREPLY=($(compgen -f -- "$cur"))
}
complete -o filenames -F _tsaudit tsaudit

# SPDX-License-Identifier: MIT
# bash completion for newsreader(1).
#
# Options come from newsreader --help itself, so they never fall behind;
# --sort's keys are listed here; --category, --tag and --author complete
# from the collection (--categories, --tags, --authors, without a scan),
# the same database the command being completed would use (its --db).
# Installed as "newsreader" in bash-completion's completionsdir; works
# without bash-completion too (it uses only complete, compgen and COMP_*).

# _newsreader_names MODE CUR: the first field of newsreader MODE's lines
# that start with CUR, into COMPREPLY, shell-quoted.
_newsreader_names()
{
	local mode=$1 cur=$2 name rest i
	local -a cmd=("${COMP_WORDS[0]}")

	for ((i = 1; i < ${#COMP_WORDS[@]} - 1; i++)); do
		case ${COMP_WORDS[i]} in
		--db | --config) cmd+=("${COMP_WORDS[i]}" "${COMP_WORDS[i + 1]}") ;;
		esac
	done
	while IFS=$'\t' read -r name rest; do
		[[ $name == "$cur"* ]] || continue
		# Quoted only when the shell would read it otherwise: %q
		# would also escape Chinese, which the shell takes as it is.
		case $name in
		*[[:space:]\'\"\\\$\`\;\&\|\<\>\(\)\*\?\[\]\#\~\!\{\}]*)
			printf -v name '%q' "$name" ;;
		esac
		COMPREPLY+=("$name")
	done < <("${cmd[@]}" --no-scan "$mode" 2>/dev/null)
}

_newsreader()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=
	local IFS=$' \t\n'

	((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
	COMPREPLY=()
	case $prev in
	--category) _newsreader_names --categories "$cur"; return ;;
	--tag) _newsreader_names --tags "$cur"; return ;;
	--author) _newsreader_names --authors "$cur"; return ;;
	--sort) COMPREPLY=($(compgen -W 'date title path rank' -- "$cur")); return ;;
	--db | --config)
		COMPREPLY=($(compgen -f -- "$cur"))
		compopt -o filenames 2>/dev/null
		return ;;
	--width | --search) return ;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$("${COMP_WORDS[0]}" --help 2>/dev/null |
		    sed -n 's/^ *\(-[A-Za-z], \)\{0,1\}\(--[a-z][a-z-]*\).*/\2/p')" \
		    -- "$cur"))
		return
	fi
	COMPREPLY=($(compgen -f -- "$cur"))
	compopt -o filenames 2>/dev/null
}
complete -F _newsreader newsreader

#!/bin/sh
# SPDX-License-Identifier: MIT
# bench/punct.sh [FILE]: how each terminal reader sets Chinese text.
# Dumps FILE (default: the seed, data/000_bbf8aa7d2cb0c58b.md) with w3m,
# elinks, lynx and newsreader at 40 and 80 columns and counts, with
# bench/linecheck, the lines that start with closing punctuation
# (，。、；：？！）」』】》〉”’…% and kin), end with opening punctuation
# (（「『【《〈“‘), split —— or …… across lines, or are wider than the
# width (by wcwidth). The table goes into bench/RESULTS.md between this
# script's markers.
#
# The other readers get the body alone (the front matter cut off) as a
# UTF-8 HTML file; newsreader gets the article file and prints its page
# (header and link list included).
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/bench/lib.sh"
check="$build/bench/linecheck"
file=${1:-$top/data/000_bbf8aa7d2cb0c58b.md}
need "$nr" "$check"

work=$(mktemp -d "${TMPDIR:-/tmp}/nr-bench-punct.XXXXXX")
trap 'rm -rf "$work"' EXIT
awk '/^---$/ && n < 2 { n++; next } n >= 2' "$file" >"$work/body.html"
export LC_ALL=C.UTF-8 TZ=UTC

# dump TOOL WIDTH: the tool's text dump on stdout
dump() {
	case $1 in
	w3m) w3m -dump -cols "$2" -T text/html "$work/body.html" ;;
	elinks) elinks -dump -dump-width "$2" -dump-charset utf-8 \
	    -eval 'set document.codepage.assume = "utf-8"' \
	    -eval 'set document.codepage.force_assumed = 1' \
	    "$work/body.html" ;;
	lynx) lynx -dump -width="$2" -display_charset=utf-8 \
	    -assume_charset=utf-8 -nolist "$work/body.html" ;;
	newsreader) "$nr" --dump "$file" --width "$2" ;;
	esac
}

rows=""
for w in 40 80; do
	for tool in w3m elinks lynx newsreader; do
		if [ "$tool" != newsreader ] && ! command -v "$tool" >/dev/null; then
			echo "bench/punct.sh: no $tool (tools/install-deps --bench)" >&2
			continue
		fi
		v=$(dump "$tool" "$w" 2>/dev/null | "$check" "$w")
		echo "$tool at $w: $v" >&2
		rows="$rows$(echo "$v" | awk -v t="$tool" -v w="$w" '{
			printf "| %s | %s | %s | %s | %s | %s | %s |\n", t, w, $2, $4, $6, $8, $10 }')
"
	done
done

name=$(echo "$file" | sed "s|^$top/||")
results_put punct.sh <<END
## Chinese line breaking: w3m, elinks, lynx, newsreader

\`bench/punct.sh\` on $(date -u '+%Y-%m-%d'), on $name. Lines that start with
closing punctuation (，。、；：？！）」』】》〉”’…%), end with opening
punctuation (（「『【《〈“‘), split —— or …… with the next line, or are wider
than the width (by wcwidth), counted by \`bench/linecheck\`. w3m
$(w3m -version 2>/dev/null | head -1 | sed 's/^w3m version //; s/,.*//; s|^w3m/||'), elinks $(elinks -version 2>/dev/null | head -1 | awk '{ print $2 }'), lynx $(lynx -version 2>/dev/null | head -1 | awk '{ print $3 }') (Debian 12).

| reader | width | lines | start with closing | end with opening | split —— …… | too wide |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
$(printf '%s' "$rows")
END

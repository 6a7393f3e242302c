#!/bin/sh
# SPDX-License-Identifier: MIT
# Hostile bodies stay bounded (issue 11): --dump and --list of files made to
# cost as much as they can, each run under a cap on its address space
# (ulimit -v), so a blow-up fails the test as an abort, not as a slow run:
#   - 8 MB of Markdown ">" (once 4.8 GB), 1 MiB of it
#   - a run of tabs in a code block: 1 MiB and 2 MB (once quadratic)
#   - a 63 MiB body on one line (once 2.4 GB to dump)
#   - 100,000 nested <div>s, and YAML nested a million deep
#   - many tiny blocks: 1 MiB and 63 MiB of "<p>x", 1 MiB of Markdown
#     paragraphs, 63 MiB of Markdown "*a* " (once 1.24 GB for 8 MB)
# Files up to 1 MiB get 100 MB of peak RSS (checked with /usr/bin/time
# where it is installed) and an address space of SMALL_VM; the others 1 GB.
# The timeout only catches a hang. Deep nesting gives one warning in the
# "newsreader: PATH:LINE: ..." form, and the text inside is still shown.
. "${top_srcdir:-.}/tests/lib.sh"

# Address space, in KB. Beside the memory used, it holds the libraries and
# ICU's data (some 45 MB) and a helper thread's stack; glibc reserves 64 MB
# more for each thread's malloc arena, hence MALLOC_ARENA_MAX.
BIG_VM=1048576
SMALL_VM=131072
SMALL_RSS=102400
HANG=300
export MALLOC_ARENA_MAX=1

# ASan reserves terabytes of shadow memory and runs everything slower.
asan=false
if ldd "$NEWSREADER" 2>/dev/null | grep -q 'libasan'; then
	asan=true
fi
timer=
if [ -x /usr/bin/time ]; then
	timer=/usr/bin/time
fi

header() {	# header TITLE: a front matter with a date
	printf -- '---\ntitle: %s\ndate: 2021-01-02 03:04:05\n---\n' "$1"
}

# run VM OUT ERR CMD...: CMD under VM KB of address space and the timeout;
# its status; its peak RSS in KB in $T/rss when it can be measured
run() {
	vm=$1 out=$2 err=$3
	shift 3
	: >"$T/rss"
	(
		[ "$asan" = true ] || ulimit -v "$vm"
		if [ -n "$timer" ]; then
			exec "$timer" -f '%M' -o "$T/rss" timeout "$HANG" "$@"
		fi
		exec timeout "$HANG" "$@"
	) >"$out" 2>"$err"
}

# check_rss NAME: peak RSS within SMALL_RSS
check_rss() {
	if [ -z "$timer" ] || [ "$asan" = true ]; then
		skip "$1: peak RSS (no /usr/bin/time, or ASan)"
		return
	fi
	rss=$(tail -1 "$T/rss")
	ok "$([ "${rss:-0}" -gt 0 ] && [ "$rss" -le "$SMALL_RSS" ]; echo $?)" \
	    "$1: peak RSS ${rss:-?} KB <= $SMALL_RSS KB"
}

# hostile NAME FILE VM WANT [WARNING]: --dump and --list of FILE within VM;
# the output holds WANT; "newsreader: PATH:WARNING", when given, is on
# stderr exactly once (PATH as given to --dump, as the scan found it)
hostile() {
	name=$1 file=$2 vm=$3 want=$4 warning=${5:-}

	run "$vm" "$T/out" "$T/err" "$NEWSREADER" --dump "$file"
	is "$?" 0 "$name: --dump exits 0 within $vm KB"
	ok "$(grep -q -- "$want" "$T/out"; echo $?)" \
	    "$name: --dump shows the text inside"
	[ "$vm" = "$SMALL_VM" ] && check_rss "$name: --dump"
	if [ -n "$warning" ]; then
		is "$(grep -c -- "^newsreader: $file:$warning" "$T/err")" 1 \
		    "$name: --dump warns once: $file:$warning"
	fi

	mkdir -p "$T/dir-$name"
	ln -sf "$file" "$T/dir-$name/"
	run "$vm" "$T/out" "$T/err" "$NEWSREADER" --db "$T/$name.db" \
	    --list "$T/dir-$name"
	is "$?" 0 "$name: --list exits 0 within $vm KB"
	ok "$(grep -q -- "$name" "$T/out"; echo $?)" "$name: --list lists it"
	[ "$vm" = "$SMALL_VM" ] && check_rss "$name: --list"
	if [ -n "$warning" ]; then
		w="^newsreader: $T/dir-$name/$(basename "$file"):$warning"
		is "$(grep -c -- "$w" "$T/err")" 1 \
		    "$name: --list warns once: $w"
	fi
	# the text inside is indexed too
	"$NEWSREADER" --db "$T/$name.db" --no-scan --list --search "$want" \
	    >"$T/found" 2>/dev/null
	ok "$(grep -q -- "$name" "$T/found"; echo $?)" \
	    "$name: a search finds the text inside"
	rm -f "$T/$name.db"*
}

# repeat N BYTE: BYTE N times
repeat() {
	head -c "$1" /dev/zero | tr '\0' "$2"
}

nest='nested deeper than'

# --- Markdown quotes: 8 MB and 1 MiB of ">" ---

f="$T/quotes1m.md"
{ header quotes1m; repeat 1048576 '>'; printf ' innerquote\n'; } >"$f"
hostile quotes1m "$f" "$SMALL_VM" innerquote "5: .*$nest"

if [ "$asan" = true ]; then
	skip "8 MB of quotes: not under ASan"
else
	f="$T/quotes8m.md"
	{ header quotes8m; repeat 8388608 '>'; printf ' innerquote\n'; } >"$f"
	hostile quotes8m "$f" "$BIG_VM" innerquote "5: .*$nest"
	rm -f "$f"
fi

# --- tabs in a code block: 1 MiB and 2 MB ---

f="$T/tabs1m.md"
{ header tabs1m; printf '```\nbefore'; repeat 1048000 '\t';
    printf 'aftertabs\n```\n'; } >"$f"
hostile tabs1m "$f" "$SMALL_VM" aftertabs

f="$T/tabs2m.md"
{ header tabs2m; printf '```\nbefore'; repeat 2097152 '\t';
    printf 'aftertabs\n```\n'; } >"$f"
hostile tabs2m "$f" "$BIG_VM" aftertabs
# every column of the tabs is there: 2 for the first tab after "before",
# 8 for each other, and the date's space
run "$BIG_VM" "$T/out" "$T/err" "$NEWSREADER" --dump "$f"
is "$(tr -cd ' ' <"$T/out" | wc -c)" $((2 + (2097152 - 1) * 8 + 1)) \
    "tabs2m: every tab's columns are dumped"
rm -f "$f"

# --- a 63 MiB body on one line ---

if [ "$asan" = true ]; then
	skip "a 63 MiB body: not under ASan"
else
	f="$T/oneline.md"
	words=$((63 * 1048576 / 5))
	{ header oneline; yes word | head -n "$words" | tr '\n' ' ';
	    printf 'lastword\n'; } >"$f"
	hostile oneline "$f" "$BIG_VM" lastword
	run "$BIG_VM" "$T/out" "$T/err" "$NEWSREADER" --dump "$f"
	is "$(grep -o 'word' "$T/out" | wc -l)" $((words + 1)) \
	    "oneline: every word is dumped"
	rm -f "$f"
fi

# --- HTML: 100,000 nested <div>s ---

f="$T/divs.html"
{ header divs; i=0; while [ $i -lt 100 ]; do
	repeat 1000 x | sed 's/x/<div>/g'; i=$((i + 1)); done
    printf '\ninnerdiv'; i=0; while [ $i -lt 100 ]; do
	repeat 1000 x | sed 's,x,</div>,g'; i=$((i + 1)); done
    printf '\n'; } >"$f"
hostile divs "$f" "$SMALL_VM" innerdiv "5: .*$nest"

# --- many tiny blocks: "<p>x" and Markdown paragraphs and spans ---
# (past DOCUMENT_MAX_ELEMENTS elements or MARKDOWN_MAX_LINES lines or
# MARKDOWN_MAX_BYTES, the rest is plain text: once 1.24 GB for 8 MB)

many='more than'
f="$T/tiny1m.html"
{ header tiny1m; repeat 262000 x | sed 's/x/<p>x/g'; printf '<p>lasttiny\n'; } >"$f"
hostile tiny1m "$f" "$SMALL_VM" lasttiny "5: $many 50000 elements"

f="$T/paras1m.md"
{ header paras1m; yes 'x' | head -n 349000 | sed 's/$/\n/'; printf 'lastpara\n'; } >"$f"
hostile paras1m "$f" "$SMALL_VM" lastpara "50005: $many 50000 lines"

if [ "$asan" = true ]; then
	skip "63 MiB of tiny blocks: not under ASan"
else
	f="$T/tiny63m.html"
	{ header tiny63m; repeat $((63 * 1048576 / 4 - 100)) x | sed 's/x/<p>x/g';
	    printf '<p>lasttiny\n'; } >"$f"
	hostile tiny63m "$f" "$BIG_VM" lasttiny "5: $many 50000 elements"
	rm -f "$f"
	f="$T/spans63m.md"
	{ header spans63m; repeat $((63 * 1048576 / 4 - 100)) x | sed 's/x/*a* /g';
	    printf 'lastspan\n'; } >"$f"
	hostile spans63m "$f" "$BIG_VM" lastspan "5: $many 50000 lines or 8 MiB"
	rm -f "$f"
fi

# --- YAML nested a million deep ---

f="$T/yaml.md"
{ printf -- '---\ntitle: yaml\nx: '; repeat 1048576 '['; printf '\n---\n';
    printf 'inneryaml\n'; } >"$f"
hostile yaml "$f" "$SMALL_VM" inneryaml \
    "3: .*nesting deeper than"

done_testing

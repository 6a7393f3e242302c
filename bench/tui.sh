#!/bin/sh
# SPDX-License-Identifier: MIT
# bench/tui.sh [-r RUNS] [-k] [N]: the full-screen interface's figures on a
# pseudo-terminal at 80x24 (bench/nr-pty), side by side in one run with
# less showing the same laid-out lines, recorded in bench/RESULTS.md
# (between this script's markers):
#
#   bytes written    the first paint, one line of scroll (j), a page
#                    (Space): newsreader reading an article with the tree
#                    beside it (text 57 wide; a tree of 7 rows, and one of
#                    193 categories, from a collection of 2,000 articles
#                    more), on a terminal with left and right margins
#                    (nr-pty -v) and on one without, and zoomed to the
#                    full width (z, text 78 wide);
#                    less -R on `newsreader --dump --width` of the same
#                    article at the same width, with its styles, so both
#                    show the same lines alike. newsreader shows 22 lines
#                    of text at 80x24, less 23: newsreader scrolls one
#                    line first, so the 20 j bring the same lines into
#                    view in both
#   1,000 j          wall time from sending 1,000 j at once to the last
#                    byte written, newsreader and less
#   first paint      time from exec to the first full screen on a
#                    collection of N articles (bench/gen-corpus), with
#                    --no-scan and with the background rescan running
#   search           a search for a common word (疫情) from the list: the
#                    time from the keys to the last byte of the new view
#   peak RSS         after the first paint, after browsing (the end of the
#                    list, an article, a search), and after two complete
#                    background rescans
#
#   -r RUNS  runs of each timed measure (default 5; medians reported)
#   -k       keep the work directory ($NR_BENCH_DIR, else /tmp)
#   N        collection size (default 100000; the import takes a minute)
#
# Warm page cache: every program runs once untimed first. Run from the
# source tree after tools/build (or set BUILD).
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/bench/lib.sh"
pty="$build/bench/nr-pty"
runs=5
keep=0
while getopts r:k opt; do
	case $opt in
	r) runs=$OPTARG ;;
	k) keep=1 ;;
	*) echo "usage: bench/tui.sh [-r RUNS] [-k] [N]" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
n=${1:-100000}
need "$nr" "$gen" "$pty"
command -v less >/dev/null || { echo "bench/tui.sh: less is not installed" >&2; exit 1; }
load=$(cut -d' ' -f1-3 /proc/loadavg)
base=${NR_BENCH_DIR:-${TMPDIR:-/tmp}}
work=$(mktemp -d "$base/nr-tui-bench.XXXXXX")
[ "$keep" = 1 ] || trap 'rm -rf "$work"' EXIT
export LC_ALL=C.UTF-8

# The programs see the same terminal and no user settings. $vt: nr-pty's
# options for the terminal (-v: one emulated with libvterm, which answers
# queries as xterm does; empty: one that never answers).
vt=
run_pty() {	# run_pty SCRIPT CMD...: nr-pty at 80x24
	script=$1; shift
	# shellcheck disable=SC2086
	"$pty" $vt -s 80x24 -g 60 -e TERM=xterm-256color -e LANG=C.UTF-8 \
	    -e HOME="$work" -e XDG_DATA_HOME="$work/xdg" \
	    -e XDG_CONFIG_HOME="$work/xdg" -e LESS= -e LESSHISTFILE=- \
	    "$script" -- "$@"
}

# field LABEL KEY < output: the value of KEY= on LABEL's line
field() {
	awk -v l="$1" -v k="$2" '$1 == l { for (i = 2; i <= NF; i++)
	    if (index($i, k "=") == 1) print substr($i, length(k) + 2) }'
}

# seq_of FILE LABEL: the bytes a show step printed, on one line, with
# each run of text (3 characters or more) as …
seq_of() {
	awk -v l="$2" '
	index($0, l ":") == 1 { on = 1; $0 = substr($0, length(l) + 2) }
	on && index($0, l " bytes=") == 1 { exit }
	on { sub(/^  /, ""); all = all $0 }
	END {
		while (all != "") {
			if (match(all, /^\\e\[[0-9;?]*[@-~]/) ||
			    match(all, /^\\e\([0-9A-Za-z]/) || match(all, /^\\e./) ||
			    match(all, /^\\x[0-9a-f][0-9a-f]/) || match(all, /^\\./)) {
				out = out substr(all, 1, RLENGTH)
			} else {
				match(all, /^[^\\]+/)
				out = out (RLENGTH >= 3 ? "…" : substr(all, 1, RLENGTH))
			}
			all = substr(all, RLENGTH + 1)
		}
		print out
	}' "$work/$1"
}

per() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", a / b }'; }

# --- scrolling: one long article (a 300 KB body, thousands of lines) ---

"$gen" -b 300000 1 "$work/long" >/dev/null
long=$(find "$work/long" -name '*.md' | head -1)
"$nr" --db "$work/long.db" --list "$work/long" >/dev/null
# A full tree: the same article among 2,000 others (193 categories), in
# a category of its own, 长文, so the list opens on it.
"$gen" 2000 "$work/tree" >/dev/null
awk '/^categories:/ { print; print " - 长文"; skip = 1; next }
    skip && /^ *- / { next } { skip = 0; print }' "$long" >"$work/tree/long.md"
"$nr" --db "$work/tree.db" --list "$work/tree" >/dev/null
ncats=$("$nr" --db "$work/tree.db" --categories --no-scan | wc -l)
first=$("$nr" --dump --width 57 "$long" | head -1)
# less gets the lines --dump prints at each width, with their styles (as
# on a terminal: through nr-pty, the pty's CR LF made LF again).
for w in 57 78; do
	echo settle >"$work/dump.txt"
	"$pty" -s ${w}x24 -g 200 -o "$work/d$w.raw" "$work/dump.txt" -- \
	    "$nr" --dump --width $w "$long" >/dev/null
	tr -d '\r' <"$work/d$w.raw" >"$work/d$w.txt"
done

# The same steps for both programs: $1 opens the article; $2 is "bytes"
# (paint, a line, a page) or "time" (1,000 j at once); $3 is "skip" to
# scroll one line before the 20 j (see above); $4 quits.
scroll_script() {
	echo "$1"
	if [ "$2" = bytes ]; then
		printf 'settle\nmark paint\n'
		[ "$3" = skip ] && printf 'send j\nsettle\nmark skip\n'
		printf 'each 20 j\nmark j20\nsend j\nsettle\nshow j21\n'
		printf 'each 10 \\x20\nmark page10\n'
	else
		printf 'settle\nsend g\nsettle\nmark top\nrepeat 1000 j\nsettle\nmark j1000\n'
	fi
	echo "$4"
}
open_beside="until newsreader
settle
mark start
send \\t
settle
send \\r
until $first"
open_zoom="$open_beside
settle
mark open
send z"
open_tree="until newsreader
settle
send \\r
until $first"
for what in bytes time; do
	scroll_script "$open_beside" $what skip "send Q" >"$work/nr-beside-$what.txt"
	scroll_script "$open_zoom" $what skip "send Q" >"$work/nr-zoom-$what.txt"
	scroll_script "$open_tree" $what skip "send Q" >"$work/nr-tree-$what.txt"
	scroll_script "until $first" $what - "send q" >"$work/less-$what.txt"
done

nr_long() { run_pty "$1" "$nr" --db "$work/long.db" --no-scan "$work/long"; }
nr_tree() { run_pty "$1" "$nr" --db "$work/tree.db" --no-scan --category 长文 "$work/tree"; }
less_r() { run_pty "$1" less -R "$2"; }
nr_long "$work/nr-beside-time.txt" >/dev/null	# warm
less_r "$work/less-time.txt" "$work/d57.txt" >/dev/null
nr_long "$work/nr-beside-bytes.txt" >"$work/beside.bytes"
nr_long "$work/nr-zoom-bytes.txt" >"$work/zoom.bytes"
nr_tree "$work/nr-tree-bytes.txt" >"$work/tree.bytes"
vt=-v
nr_long "$work/nr-beside-bytes.txt" >"$work/beside-m.bytes"
nr_tree "$work/nr-tree-bytes.txt" >"$work/tree-m.bytes"
vt=
less_r "$work/less-bytes.txt" "$work/d57.txt" >"$work/less57.bytes"
less_r "$work/less-bytes.txt" "$work/d78.txt" >"$work/less78.bytes"
for i in $(seq "$runs"); do
	nr_long "$work/nr-beside-time.txt" >"$work/beside.$i"
	nr_long "$work/nr-zoom-time.txt" >"$work/zoom.$i"
	nr_tree "$work/nr-tree-time.txt" >"$work/tree.$i"
	less_r "$work/less-time.txt" "$work/d57.txt" >"$work/less57.$i"
	less_r "$work/less-time.txt" "$work/d78.txt" >"$work/less78.$i"
done

# Bytes do not vary between runs: one run. Times: medians.
b() { field "$2" bytes <"$work/$1.bytes"; }
t() { for i in $(seq "$runs"); do field "$2" ms <"$work/$1.$i"; done | median; }

# --- the collection of N articles: first paint and memory ---

"$gen" "$n" "$work/corpus" >/dev/null
import_start=$(date +%s)
"$nr" --db "$work/big.db" --list "$work/corpus" >/dev/null
import_s=$(( $(date +%s) - import_start ))

# The first screen ends with the tree's position, "1/ROWS", at the bottom
# right: the last cells written.
rows=$(( $("$nr" --db "$work/big.db" --categories --no-scan | wc -l) + 3 ))
# curses writes the last cell of the screen between ?7l and ?7h.
pos="1/${rows%?}\\e[?7l${rows#"${rows%?}"}"
cat >"$work/paint.txt" <<EOF
until $pos
mark paint
rss rss_paint
send Q
EOF
cat >"$work/browse.txt" <<EOF
until $pos
mark paint
rss rss_paint
send \t
settle
send G
settle
send \r
settle
each 20 j
send q
settle
mark list
send /疫情\r
until 搜索: 疫情
settle
mark search
rss rss_browse
send Q
EOF
cat >"$work/scan.txt" <<EOF
until $pos
mark paint
sleep 5000
send R
until Scanned
rss rss_scan
send Q
EOF
run_pty "$work/paint.txt" "$nr" --db "$work/big.db" --no-scan >/dev/null	# warm
for i in $(seq "$runs"); do
	run_pty "$work/paint.txt" "$nr" --db "$work/big.db" --no-scan >"$work/paint.$i"
	run_pty "$work/paint.txt" "$nr" --db "$work/big.db" "$work/corpus" >"$work/paintscan.$i"
done
for i in $(seq "$runs"); do
	run_pty "$work/browse.txt" "$nr" --db "$work/big.db" --no-scan >"$work/browse.$i"
done
run_pty "$work/scan.txt" "$nr" --db "$work/big.db" "$work/corpus" >"$work/scan.1"
# The same no-change rescan without the screen, for comparison.
cli_scan_kb=
if [ -x /usr/bin/time ]; then
	cli_scan_kb=$(/usr/bin/time -f '%M' "$nr" --db "$work/big.db" --categories \
	    "$work/corpus" 2>&1 >/dev/null | tail -1)
fi

kb_mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

# --- the report ---

{
	echo "## The full-screen interface: bytes, keys, first paint, memory"
	echo
	echo "\`bench/tui.sh\` on $(date +%Y-%m-%d), $(nproc) CPUs ($(uname -m)),"
	echo "load average $load at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end (the machine is shared)."
	echo "A pseudo-terminal of 80x24 (\`bench/nr-pty\`, TERM=xterm-256color),"
	echo "$runs runs, medians for times; bytes are the same every run."
	echo "The article: \`bench/gen-corpus -b 300000 1\`, $(wc -l <"$work/d57.txt") lines at"
	echo "57 columns. less $(less --version | head -1 | cut -d' ' -f2) -R shows"
	echo "\`newsreader --dump --width W\` of it with its styles, the lines the"
	echo "reader shows as it shows them."
	echo
	echo "### Bytes written to the terminal"
	echo
	echo "Zoomed to the full width (z), the text 78 wide:"
	echo
	echo "| measure | less, 78 | newsreader | ratio |"
	echo "| --- | ---: | ---: | ---: |"
	ol=$(b less78 paint); oz=$(b zoom paint)
	echo "| first paint of the article | $ol | $oz | $(ratio "$oz" "$ol") |"
	jl=$(per "$(b less78 j20)" 20); jz=$(per "$(b zoom j20)" 20)
	echo "| one line (j), mean of 20 | $jl | $jz | $(ratio "$jz" "$jl") |"
	pl=$(per "$(b less78 page10)" 10); pz=$(per "$(b zoom page10)" 10)
	echo "| a page (Space), mean of 10 | $pl | $pz | $(ratio "$pz" "$pl") |"
	echo
	for m in -m ""; do
		if [ "$m" = -m ]; then
			echo "The tree beside the reader, the text 57 wide, on a terminal with"
			echo "left and right margins (xterm; here nr-pty -v, which emulates one"
			echo "with libvterm and answers newsreader's DECRQM as xterm does):"
		else
			echo "The same on a terminal without them (tmux, VTE; nr-pty without -v"
			echo "never answers):"
		fi
		echo
		echo "| measure | less, 57 | newsreader, a tree of 7 rows | ratio | newsreader, $ncats categories | ratio |"
		echo "| --- | ---: | ---: | ---: | ---: | ---: |"
		ol=$(b less57 paint); ob=$(b beside$m paint); ot=$(b tree$m paint)
		echo "| first paint of the article | $ol | $ob | $(ratio "$ob" "$ol") | $ot | $(ratio "$ot" "$ol") |"
		jl=$(per "$(b less57 j20)" 20); jb=$(per "$(b beside$m j20)" 20); jt=$(per "$(b tree$m j20)" 20)
		echo "| one line (j), mean of 20 | $jl | $jb | $(ratio "$jb" "$jl") | $jt | $(ratio "$jt" "$jl") |"
		pl=$(per "$(b less57 page10)" 10); pb=$(per "$(b beside$m page10)" 10); pt=$(per "$(b tree$m page10)" 10)
		echo "| a page (Space), mean of 10 | $pl | $pb | $(ratio "$pb" "$pl") | $pt | $(ratio "$pt" "$pl") |"
		echo
	done
	echo "First paint: opening the article from the list (Enter), and zoomed,"
	echo "the repaint at the full width (z); the screen before it (tree and"
	echo "list) took $(b beside start) bytes. less pages 23 lines at a time,"
	echo "newsreader 21 (its pane is 22 rows, one kept)."
	echo
	echo "One line of scroll as sent, after the 20 (a line's text shown as …):"
	echo
	printf -- '- less: `%s`\n' "$(seq_of less78.bytes j21)"
	printf -- '- newsreader zoomed: `%s`\n' "$(seq_of zoom.bytes j21)"
	printf -- '- less, 57: `%s`\n' "$(seq_of less57.bytes j21)"
	printf -- '- newsreader beside the tree, with margins: `%s`\n' "$(seq_of beside-m.bytes j21)"
	echo
	echo "Zoomed, newsreader scrolls the terminal itself: it sets a scroll"
	echo "region over the pane's rows once (csr, within sc/rc) and keeps it while"
	echo "only the pane changes, so a line costs SU (4 bytes), CR"
	echo "and the margin before the text; less clears its prompt, writes the"
	echo "line and scrolls the whole screen with CR LF, then writes the prompt"
	echo "again. The mean of 20 also pays for the region being set and given"
	echo "back when the position in the status line changes."
	echo
	echo "Beside the tree, the reader's columns alone must scroll. A terminal"
	echo "with left and right margins (DECLRMM, DECSLRM: xterm, and others"
	echo "that answer DECRQM for mode 69) does that: newsreader asks at start-up"
	echo "(the answer comes with the keys, so the first paint does not wait),"
	echo "and when it has them sets them over the reader's columns once and"
	echo "keeps them while only the reader changes. A line then costs SU (3"
	echo "bytes), the column (hpa) and the text, which newsreader writes itself"
	echo "since curses' cursor motions do not know margins. tmux, VTE and the"
	echo "other terminals that call themselves xterm-256color without margins"
	echo "do not answer, or answer no: there newsreader scrolls whole rows and"
	echo "puts the tree's cells back when that costs less than sending the"
	echo "pane's rows (delete and insert lines, then the cells where a tree row"
	echo "differs from the one below it), and sends the pane's rows otherwise:"
	echo "a line of scroll costs about a screenful of the tree's differences,"
	echo "more the fuller the tree. Zoom (z) gives the reader the full width."
	echo
	echo "### 1,000 j sent at once, to the last byte written (ms)"
	echo
	echo "| less, 78 | newsreader, zoomed | ratio | less, 57 | newsreader, tree beside | ratio |"
	echo "| ---: | ---: | ---: | ---: | ---: | ---: |"
	tb=$(t beside j1000); tl=$(t less57 j1000); tz=$(t zoom j1000); tl78=$(t less78 j1000)
	echo "| $tl78 | $tz | $(ratio "$tz" "$tl78") | $tl | $tb | $(ratio "$tb" "$tl") |"
	echo
	echo "### A collection of $n articles"
	echo
	echo "Imported with \`newsreader --list\` in $import_s s (not timed here)."
	echo
	echo "| measure | newsreader | target |"
	echo "| --- | ---: | --- |"
	fp=$(for i in $(seq "$runs"); do field paint ms <"$work/paint.$i"; done | median)
	fs=$(for i in $(seq "$runs"); do field paint ms <"$work/paintscan.$i"; done | median)
	echo "| first paint, --no-scan | $fp ms | ≤ 50 ms |"
	echo "| first paint, rescan in the background | $fs ms | ≤ 50 ms |"
	echo "| a search for 疫情 from the list, keys to the new view | $(for i in $(seq "$runs"); do field search ms <"$work/browse.$i"; done | median) ms | — |"
	echo "| (1) peak RSS after the first paint, --no-scan | $(kb_mb "$(field rss_paint rss_kb <"$work/paint.1")") MB | ≤ 30 MB |"
	echo "| (2) peak RSS after browsing, --no-scan (G in the list, an article, 20 j, a search) | $(kb_mb "$(field rss_browse rss_kb <"$work/browse.1")") MB | ≤ 30 MB |"
	echo "| (3) peak RSS of a session with two background rescans (the one at start-up, then R) | $(kb_mb "$(field rss_scan rss_kb <"$work/scan.1")") MB | ≤ 30 MB |"
	if [ -n "$cli_scan_kb" ]; then
		echo "| (4) for comparison, the same no-change rescan without the screen (\`newsreader --categories DIR\`) | $(kb_mb "$cli_scan_kb") MB | — |"
	fi
	echo
	echo "First paint: from exec to the last byte of the screen that first"
	echo "shows the status line's position (the last thing drawn). The search:"
	echo "from sending \`/疫情\` and Enter to the last byte of the search's view"
	echo "(the tree's row and the list, counted once)."
	echo
	echo "Memory is the kernel's VmHWM, the high-water mark of the resident set:"
	echo "(1) and (2) are the screen's own (the UI thread's SQLite connection, the"
	echo "rows and pages it holds); (3) adds the scan thread's (its own"
	echo "connection and cache, and scan.c's lists of the stored and the walked"
	echo "files), which (4) shows alone."
} | results_put tui.sh

#!/bin/sh
# bench/tui.sh [-r RUNS] [-k] [N]: the full-screen interface's figures on a
# pseudo-terminal at 80x24 (bench/nr-pty), side by side in one run with
# less showing the same laid-out lines, recorded in bench/RESULTS.md
# (between this script's markers):
#
#   bytes written    the first paint, one line of scroll (j), a page
#                    (Space): newsreader reading an article with the tree
#                    beside it (text 57 wide) and zoomed to the full width
#                    (z, text 78 wide); less on `newsreader --dump --width`
#                    of the same article at the same width, so both scroll
#                    the same rows
#   1,000 j          wall time from sending 1,000 j at once to the last
#                    byte written, newsreader and less
#   first paint      time from exec to the first full screen on a
#                    collection of N articles (bench/gen-corpus), with
#                    --no-scan and with the background rescan running
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
build=${BUILD:-$top/build}
nr="$build/src/newsreader"
gen="$build/bench/gen-corpus"
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
for p in "$nr" "$gen" "$pty"; do
	[ -x "$p" ] || { echo "bench/tui.sh: $p is missing; run tools/build and make check" >&2; exit 1; }
done
command -v less >/dev/null || { echo "bench/tui.sh: less is not installed" >&2; exit 1; }
base=${NR_BENCH_DIR:-${TMPDIR:-/tmp}}
work=$(mktemp -d "$base/nr-tui-bench.XXXXXX")
[ "$keep" = 1 ] || trap 'rm -rf "$work"' EXIT
export LC_ALL=C.UTF-8

# The programs see the same terminal and no user settings.
run_pty() {	# run_pty SCRIPT CMD...: nr-pty at 80x24
	script=$1; shift
	"$pty" -s 80x24 -g 60 -e TERM=xterm-256color -e LANG=C.UTF-8 \
	    -e HOME="$work" -e XDG_DATA_HOME="$work/xdg" \
	    -e XDG_CONFIG_HOME="$work/xdg" -e LESS= -e LESSHISTFILE=- \
	    "$script" -- "$@"
}

# field LABEL KEY < output: the value of KEY= on LABEL's line
field() {
	awk -v l="$1" -v k="$2" '$1 == l { for (i = 2; i <= NF; i++)
	    if (index($i, k "=") == 1) print substr($i, length(k) + 2) }'
}

median() {	# the median of the numbers on stdin
	sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2];
	    else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "—" }'; }
per() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", a / b }'; }

# --- scrolling: one long article (a 300 KB body, thousands of lines) ---

"$gen" -b 300000 1 "$work/long" >/dev/null
long=$(find "$work/long" -name '*.md' | head -1)
"$nr" --db "$work/long.db" --list "$work/long" >/dev/null
"$nr" --dump --width 57 "$long" >"$work/d57.txt"
"$nr" --dump --width 78 "$long" >"$work/d78.txt"
first=$(head -1 "$work/d57.txt")

# The same steps for both programs: $1 opens the article; $2 is "bytes"
# (paint, a line, a page) or "time" (1,000 j at once).
scroll_script() {
	echo "$1"
	if [ "$2" = bytes ]; then
		printf 'settle\nmark paint\neach 20 j\nmark j20\neach 10 \\x20\nmark page10\n'
	else
		printf 'settle\nsend g\nsettle\nmark top\nrepeat 1000 j\nsettle\nmark j1000\n'
	fi
	echo "$3"
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
for what in bytes time; do
	scroll_script "$open_beside" $what "send Q" >"$work/nr-beside-$what.txt"
	scroll_script "$open_zoom" $what "send Q" >"$work/nr-zoom-$what.txt"
	scroll_script "until $first" $what "send q" >"$work/less-$what.txt"
done

nr_long() { run_pty "$1" "$nr" --db "$work/long.db" --no-scan "$work/long"; }
nr_long "$work/nr-beside-time.txt" >/dev/null	# warm
run_pty "$work/less-time.txt" less "$work/d57.txt" >/dev/null
nr_long "$work/nr-beside-bytes.txt" >"$work/beside.bytes"
nr_long "$work/nr-zoom-bytes.txt" >"$work/zoom.bytes"
run_pty "$work/less-bytes.txt" less "$work/d57.txt" >"$work/less57.bytes"
run_pty "$work/less-bytes.txt" less "$work/d78.txt" >"$work/less78.bytes"
for i in $(seq "$runs"); do
	nr_long "$work/nr-beside-time.txt" >"$work/beside.$i"
	nr_long "$work/nr-zoom-time.txt" >"$work/zoom.$i"
	run_pty "$work/less-time.txt" less "$work/d57.txt" >"$work/less57.$i"
	run_pty "$work/less-time.txt" less "$work/d78.txt" >"$work/less78.$i"
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
send /疫情\r
settle
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
run_pty "$work/browse.txt" "$nr" --db "$work/big.db" --no-scan >"$work/browse.1"
run_pty "$work/scan.txt" "$nr" --db "$work/big.db" "$work/corpus" >"$work/scan.1"
# The same no-change rescan without the screen, for comparison.
cli_scan_kb=
if [ -x /usr/bin/time ]; then
	cli_scan_kb=$(/usr/bin/time -f '%M' "$nr" --db "$work/big.db" --categories \
	    "$work/corpus" 2>&1 >/dev/null | tail -1)
fi

kb_mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

# --- the report ---

section="$work/section.md"
{
	echo "<!-- bench/tui.sh begin -->"
	echo "## The full-screen interface: bytes, keys, first paint, memory"
	echo
	echo "\`bench/tui.sh\` on $(date +%Y-%m-%d), $(nproc) CPUs ($(uname -m)),"
	echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the start (the machine is shared)."
	echo "A pseudo-terminal of 80x24 (\`bench/nr-pty\`, TERM=xterm-256color),"
	echo "$runs runs, medians for times; bytes are the same every run."
	echo "The article: \`bench/gen-corpus -b 300000 1\`, $(wc -l <"$work/d57.txt") lines at"
	echo "57 columns. less $(less --version | head -1 | cut -d' ' -f2) shows"
	echo "\`newsreader --dump --width W\` of it, the lines the reader shows."
	echo
	echo "### Bytes written to the terminal"
	echo
	echo "| measure | newsreader, tree beside (text 57) | less, 57 | ratio | newsreader, zoomed (text 78) | less, 78 | ratio |"
	echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
	op=$(b beside paint); ol=$(b less57 paint); oz=$(b zoom paint); ol78=$(b less78 paint)
	echo "| first paint of the article | $op | $ol | $(ratio "$op" "$ol") | $oz | $ol78 | $(ratio "$oz" "$ol78") |"
	jb=$(per "$(b beside j20)" 20); jl=$(per "$(b less57 j20)" 20)
	jz=$(per "$(b zoom j20)" 20); jl78=$(per "$(b less78 j20)" 20)
	echo "| one line (j), mean of 20 | $jb | $jl | $(ratio "$jb" "$jl") | $jz | $jl78 | $(ratio "$jz" "$jl78") |"
	pb=$(per "$(b beside page10)" 10); pl=$(per "$(b less57 page10)" 10)
	pz=$(per "$(b zoom page10)" 10); pl78=$(per "$(b less78 page10)" 10)
	echo "| a page (Space), mean of 10 | $pb | $pl | $(ratio "$pb" "$pl") | $pz | $pl78 | $(ratio "$pz" "$pl78") |"
	echo
	echo "The first paint of the article: opening it from the list (Enter),"
	echo "and zoomed, the repaint at the full width (z); the screen before it"
	echo "(tree and list) took $(b beside start) bytes. With the tree beside the"
	echo "reader, curses scrolls whole rows (a terminal cannot scroll part of a"
	echo "row) and writes the tree's part of each row again; zoomed, a line of"
	echo "scroll is a scroll region, the new line and the position."
	echo
	echo "### 1,000 j sent at once, to the last byte written (ms)"
	echo
	echo "| newsreader, tree beside | less, 57 | ratio | newsreader, zoomed | less, 78 | ratio |"
	echo "| ---: | ---: | ---: | ---: | ---: | ---: |"
	tb=$(t beside j1000); tl=$(t less57 j1000); tz=$(t zoom j1000); tl78=$(t less78 j1000)
	echo "| $tb | $tl | $(ratio "$tb" "$tl") | $tz | $tl78 | $(ratio "$tz" "$tl78") |"
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
	echo "| peak RSS after the first paint | $(kb_mb "$(field rss_paint rss_kb <"$work/paint.1")") MB | ≤ 30 MB |"
	echo "| peak RSS after browsing (G in the list, an article, 20 j, a search) | $(kb_mb "$(field rss_browse rss_kb <"$work/browse.1")") MB | ≤ 30 MB |"
	echo "| peak RSS after two background rescans | $(kb_mb "$(field rss_scan rss_kb <"$work/scan.1")") MB | ≤ 30 MB |"
	echo
	echo "First paint: from exec to the last byte of the screen that first"
	echo "shows the status line's position (the last thing drawn)."
	if [ -n "$cli_scan_kb" ]; then
		echo
		echo "While a rescan runs, memory is the scan's: the same no-change"
		echo "rescan by \`newsreader --categories DIR\` alone peaks at"
		echo "$(kb_mb "$cli_scan_kb") MB (its connection's SQLite page cache, capped at"
		echo "32 MiB, which a cold import needs, and scan.c's lists of the stored"
		echo "and the walked files). The screen's own memory is in the two rows before."
	fi
	echo "<!-- bench/tui.sh end -->"
} >"$section"

results="$top/bench/RESULTS.md"
[ -f "$results" ] || echo "# Benchmark results" >"$results"
awk -v sec="$section" '
	/<!-- bench\/tui.sh begin -->/ { skip = 1; while ((getline l < sec) > 0) print l; done = 1 }
	!skip { print }
	/<!-- bench\/tui.sh end -->/ { skip = 0 }
	END { if (!done) { while ((getline l < sec) > 0) print l } }
' "$results" >"$work/results.md"
cp "$work/results.md" "$results"
cat "$section"

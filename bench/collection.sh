#!/bin/sh
# bench/collection.sh [-r RUNS] [-k] [N...]: the collection's figures over N
# seed-shaped articles (bench/gen-corpus), side by side in one run with the
# tools a user would otherwise use, recorded in bench/RESULTS.md (between
# this script's markers):
#
#   cold import      newsreader --categories DIR into an empty database
#   no-change rescan the same again, against find DIR -printf '%s %T@\n'
#   first line       newsreader --list --no-scan | head -1
#   search           newsreader --list --no-scan --search Q (every line, and
#                    | head -1) against grep -rlF Q DIR (grep -rliF for the
#                    Latin word, as our match ignores case)
#   size             the database (after a checkpoint) against the corpus
#
#   -r RUNS  timed runs of each fast command (default 5; the cold import
#            runs once)
#   -k       keep the generated corpora and databases ($NR_BENCH_DIR, /tmp)
#   N...     corpus sizes (default: 10000 100000)
#
# Warm page cache: every command runs once untimed first. Run from the
# source tree after tools/build (or set BUILD).
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$top/build}
nr="$build/src/newsreader"
gen="$build/bench/gen-corpus"
runs=5
keep=0
while getopts r:k opt; do
	case $opt in
	r) runs=$OPTARG ;;
	k) keep=1 ;;
	*) echo "usage: bench/collection.sh [-r RUNS] [-k] [N...]" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || set -- 10000 100000
for p in "$nr" "$gen"; do
	[ -x "$p" ] || { echo "bench/collection.sh: $p is missing; run tools/build" >&2; exit 1; }
done
base=${NR_BENCH_DIR:-${TMPDIR:-/tmp}}
export LC_ALL=C.UTF-8

# The queries, with the share of articles gen-corpus puts them in: one
# character (疴 7%, 港 42%), two (芯片 11%, 卨鶈 0.1%), three and more
# (火车站 20%, 世界卫生组织 7%, 一娺横媏 0.4%), and a Latin word (Omicron
# 28%).
QUERIES="疴 港 芯片 卨鶈 火车站 世界卫生组织 一娺横媏 Omicron"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# time_ms CMD...: wall time of one run, in ms, output discarded
time_ms() {
	t0=$(date +%s%N)
	"$@" >/dev/null 2>&1
	t1=$(date +%s%N)
	echo $(( (t1 - t0) / 1000000 ))
}

# time_us CMD...: the same in microseconds
time_us() {
	t0=$(date +%s%N)
	"$@" >/dev/null 2>&1
	t1=$(date +%s%N)
	echo $(( (t1 - t0) / 1000 ))
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# med FN ARGS...: the median of RUNS timings of FN ARGS, after one warm-up
med() {
	"$@" >/dev/null
	i=0
	while [ "$i" -lt "$runs" ]; do
		"$@"
		i=$((i + 1))
	done | median
}

scan() { "$nr" --db "$db" --categories "$dir"; }
find_stat() { find "$dir" -printf '%s %T@\n'; }
first_line() { "$nr" --db "$db" --list --no-scan | head -1; }
search_all() { "$nr" --db "$db" --list --no-scan --search "$1"; }
search_first() { "$nr" --db "$db" --list --no-scan --search "$1" | head -1; }
grep_q() {
	case $1 in
	*[A-Za-z]*) grep -rliF "$1" "$dir" ;;
	*) grep -rlF "$1" "$dir" ;;
	esac
}

out="$base/nr-bench-collection.md"
: >"$out"
load=$(cut -d' ' -f1-3 /proc/loadavg)
{
	echo "## The collection: import, rescan, startup, search, size"
	echo
	echo "\`bench/collection.sh\` on $(date +%Y-%m-%d), $(nproc) CPUs ($(uname -m)),"
	echo "load average $load at the start (the machine is shared)."
	echo "Medians of $runs runs (the cold import: one run), warm page cache."
	echo "Corpora from \`bench/gen-corpus N DIR\`. Search queries: 1, 2, 3 and 6"
	echo "Chinese characters and a Latin word; \`all\` prints every matching"
	echo "article (as grep prints every matching file), \`first\` is \`| head -1\`"
	echo "(the whole query evaluated and sorted newest first, one line printed)."
	echo "The hits column is the number of matching articles: where it is in"
	echo "the tens of thousands, \`all\` is mostly the cost of printing that many"
	echo "lines."
	echo
} >>"$out"

for n in "$@"; do
	dir="$base/nr-bench-corpus-$n"
	db="$base/nr-bench-$n.db"
	if [ ! -d "$dir" ]; then
		echo "generating $n articles in $dir" >&2
		"$gen" "$n" "$dir"
	fi
	bytes=$(find "$dir" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%.0f", s }')
	find_stat >/dev/null; cat_warm=$(find "$dir" -type f -print0 | xargs -0 cat | wc -c)
	rm -f "$db" "$db-wal" "$db-shm"
	echo "cold import of $n articles" >&2
	t0=$(now_ms)
	cpu=""
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f 'cpu %U %S' -o "$base/nr-bench-import.cpu" \
		    "$nr" --db "$db" --categories --verbose "$dir" 2>"$base/nr-bench-import.err" >/dev/null
		cpu=$(awk '/^cpu/ { printf " (CPU: %.1f s user+sys)", $2 + $3 }' "$base/nr-bench-import.cpu")
	else
		"$nr" --db "$db" --categories --verbose "$dir" 2>"$base/nr-bench-import.err" >/dev/null
	fi
	t1=$(now_ms)
	cold=$((t1 - t0))
	verbose=$(grep '^newsreader: scanned' "$base/nr-bench-import.err" || true)
	rescan=$(med time_ms scan)
	findt=$(med time_ms find_stat)
	first=$(med time_us first_line)
	rss="—"
	if [ -x /usr/bin/time ]; then
		rss=$(/usr/bin/time -f %M "$nr" --db "$db" --list --no-scan 2>&1 >/dev/null | tail -1)
		rss="$((rss / 1024)) MiB"
	fi
	# Checkpoint the WAL, so the file is the whole database.
	"$nr" --db "$db" --list --no-scan >/dev/null
	command -v sqlite3 >/dev/null 2>&1 && sqlite3 "$db" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
	dbsize=$(stat -c %s "$db")
	{
		echo "### $n articles, $((bytes / 1048576)) MiB"
		echo
		echo "| measure | newsreader | compared with | ratio | target |"
		echo "| --- | ---: | ---: | ---: | --- |"
		echo "| cold import | $cold ms$cpu | — | — | ≤ 20 s |"
		echo "| no-change rescan | $rescan ms | find -printf: $findt ms | $(awk -v a="$rescan" -v b="$findt" 'BEGIN { printf "%.2f×", a / (b ? b : 1) }') | ≤ 2× |"
		echo "| first listed line | $((first / 1000)).$(printf '%03d' $((first % 1000))) ms | — | — | ≤ 30 ms |"
		echo "| peak memory, --list of all | $rss | — | — | constant |"
		echo "| database size | $((dbsize / 1048576)) MiB | corpus: $((bytes / 1048576)) MiB | $(awk -v a="$dbsize" -v b="$bytes" 'BEGIN { printf "%.2f×", a / b }') | ≤ 2× |"
		echo
		echo "| search | hits | all (ms) | first (ms) | grep (ms) | grep ÷ all | grep ÷ first | target |"
		echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
	} >>"$out"
	for q in $QUERIES; do
		hits=$(search_all "$q" | wc -l)
		ghits=$(grep_q "$q" | wc -l)
		all=$(med time_us search_all "$q")
		fst=$(med time_us search_first "$q")
		g=$(med time_us grep_q "$q")
		note=""
		[ "$hits" = "$ghits" ] || note=" (grep: $ghits)"
		awk -v q="$q" -v h="$hits$note" -v a="$all" -v f="$fst" -v g="$g" 'BEGIN {
			printf "| %s | %s | %.1f | %.1f | %.1f | %.1f× | %.1f× | ≤ 50 ms, ≥ 20× |\n",
			    q, h, a / 1000, f / 1000, g / 1000, g / a, g / f }' >>"$out"
	done
	{
		echo
		echo "Scan report: \`$verbose\`."
		echo
	} >>"$out"
	if [ "$keep" -eq 0 ]; then
		rm -rf "$dir"
		rm -f "$db" "$db-wal" "$db-shm"
	fi
	: "$cat_warm"
done

# Put the table between this script's markers in RESULTS.md.
results="$top/bench/RESULTS.md"
[ -f "$results" ] || echo "# Benchmark results" >"$results"
awk -v f="$out" '
	function block() {
		print "<!-- bench/collection.sh begin -->"
		while ((getline l < f) > 0) print l
		print "<!-- bench/collection.sh end -->"
		done = 1
	}
	/<!-- bench\/collection.sh begin -->/ { skip = 1; block() }
	!skip { print }
	/<!-- bench\/collection.sh end -->/ { skip = 0 }
	END { if (!done) block() }' "$results" >"$results.new"
mv "$results.new" "$results"
cat "$out"

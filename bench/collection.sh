#!/bin/sh
# SPDX-License-Identifier: MIT
# bench/collection.sh [-r RUNS] [-i IMPORTS] [-k] [N...]: the collection's
# figures over N news-shaped articles (bench/gen-corpus), side by side in
# one run with the tools a user would otherwise use, recorded in
# bench/RESULTS.md (between this script's markers):
#
#   cold import      newsreader --categories DIR into an empty database:
#                    wall time, CPU time (user+sys) of the process and of
#                    each thread (sampled from /proc every 0.2 s: the
#                    parsing and indexing workers, and the main thread,
#                    which walks and stores), peak RSS
#   no-change rescan the same again, against find DIR -printf '%s %T@\n';
#                    its peak RSS
#   first line       newsreader --list --no-scan | head -1
#   search           newsreader --list --no-scan --search Q (every line, and
#                    | head -1) against grep -rlF Q DIR (grep -rliF for the
#                    Latin word, as our match ignores case)
#   size             the database and its two index shards (after
#                    checkpoints) against the corpus
#
#   -r RUNS     timed runs of each fast command (default 5)
#   -i IMPORTS  cold imports, each into a new database (default 1; the
#               median is reported)
#   -k          keep the generated corpora and databases ($NR_BENCH_DIR,
#               /tmp)
#   -q QUERIES  the searches, separated by spaces (default: the eight
#               below)
#   N...        corpus sizes (default: 10000 100000)
#
# Warm page cache: every command runs once untimed first. Run from the
# source tree after tools/build (or set BUILD).
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/bench/lib.sh"
runs=5
imports=1
keep=0
queries=""
while getopts r:i:kq: opt; do
	case $opt in
	r) runs=$OPTARG ;;
	i) imports=$OPTARG ;;
	k) keep=1 ;;
	q) queries=$OPTARG ;;
	*) echo "usage: bench/collection.sh [-r RUNS] [-i IMPORTS] [-k] [-q QUERIES] [N...]" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || set -- 10000 100000
need "$nr" "$gen"
base=${NR_BENCH_DIR:-${TMPDIR:-/tmp}}
export LC_ALL=C.UTF-8

# The queries, with the share of articles gen-corpus puts them in: one
# character (疴 7%, 港 42%), two (芯片 11%, 卨鶈 0.1%), three and more
# (火车站 20%, 世界卫生组织 7%, 一娺横媏 0.4%), and a Latin word (Omicron
# 28%).
QUERIES=${queries:-"疴 港 芯片 卨鶈 火车站 世界卫生组织 一娺横媏 Omicron"}

scan() { "$nr" --db "$db" --categories "$dir"; }
rm_db() { rm -f "$db" "$db-wal" "$db-shm" "$db-fts0" "$db-fts0-wal" "$db-fts0-shm" \
	"$db-fts1" "$db-fts1-wal" "$db-fts1-shm"; }
tck=$(getconf CLK_TCK)

# children_cpu: the user+sys seconds of the children waited for so far
# (times runs in this shell, not a subshell, which has no children yet)
children_cpu() {
	times >"$base/nr-bench-times"
	awk 'NR == 2 { split($0, f, /[ ms]+/)
		printf "%.3f", f[1] * 60 + f[2] + f[3] * 60 + f[4] }' "$base/nr-bench-times"
}

# import: one cold import into a new database; prints "WALL_MS CPU_S RSS_KB
# THREADS", THREADS the CPU seconds of each thread, the main one first,
# then the others from the most
import() {
	rm_db
	children_cpu >"$base/nr-bench-c0"
	t0=$(now_ms)
	"$nr" --db "$db" --categories --verbose "$dir" 2>"$base/nr-bench-import.err" >/dev/null &
	pid=$!
	: >"$base/nr-bench-import.stat"
	while kill -0 "$pid" 2>/dev/null; do
		cat /proc/"$pid"/task/*/stat /proc/"$pid"/status 2>/dev/null >>"$base/nr-bench-import.stat" || true
		sleep 0.2
	done
	wait "$pid"
	t1=$(now_ms)
	children_cpu >"$base/nr-bench-c1"
	awk -v pid="$pid" -v tck="$tck" -v wall=$((t1 - t0)) \
	    -v c0="$(cat "$base/nr-bench-c0")" -v c1="$(cat "$base/nr-bench-c1")" '
		/^VmHWM:/ { if ($2 > rss) rss = $2; next }
		$2 == "(newsreader)" { t[$1] = $14 + $15 }
		END {
			for (k in t) if (k != pid) w[++n] = t[k]
			for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++)
				if (w[j] > w[i]) { x = w[i]; w[i] = w[j]; w[j] = x }
			printf "%d %.1f %d %.1f", wall, c1 - c0, rss, t[pid] / tck
			for (i = 1; i <= n; i++) printf " %.1f", w[i] / tck
			print ""
		}' "$base/nr-bench-import.stat"
}
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
	echo "Medians of $runs runs (the cold import: of $imports), warm page cache."
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
	find "$dir" -type f -print0 | xargs -0 cat >/dev/null	# warm the cache
	echo "cold import of $n articles ($imports times)" >&2
	i=0
	while [ "$i" -lt "$imports" ]; do
		import
		i=$((i + 1))
	done >"$base/nr-bench-imports"
	# The median import by wall time.
	set -- $(sort -n "$base/nr-bench-imports" | awk -v n="$imports" 'NR == int((n + 1) / 2)')
	cold=$1 cpu=$2 irss=$3 main=$4
	shift 4
	workers=$(echo "$@" | sed 's/ / and /g')
	walls=$(cut -d' ' -f1 "$base/nr-bench-imports" | sort -n | awk '{ printf("%s%.1f", (NR > 1 ? ", " : ""), $1 / 1000) }')
	verbose=$(grep '^newsreader: scanned' "$base/nr-bench-import.err" || true)
	rescan=$(med time_ms scan)
	findt=$(med time_ms find_stat)
	first=$(med time_us first_line)
	rss="—" srss="—"
	if [ -x /usr/bin/time ]; then
		rss=$(/usr/bin/time -f %M "$nr" --db "$db" --list --no-scan 2>&1 >/dev/null | tail -1)
		rss="$((rss / 1024)) MiB"
		srss=$(/usr/bin/time -f %M "$nr" --db "$db" --categories "$dir" 2>&1 >/dev/null | tail -1)
		srss="$(awk -v k="$srss" 'BEGIN { printf "%.1f", k / 1024 }') MiB"
	fi
	# Checkpoint the WAL files, so the files are the whole database.
	"$nr" --db "$db" --list --no-scan >/dev/null
	if command -v sqlite3 >/dev/null 2>&1; then
		for f in "$db" "$db-fts0" "$db-fts1"; do
			sqlite3 "$f" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
		done
	fi
	dbsize=$(cat "$db" "$db-fts0" "$db-fts1" | wc -c)
	{
		echo "### $n articles, $((bytes / 1048576)) MiB"
		echo
		echo "| measure | newsreader | compared with | ratio | target |"
		echo "| --- | ---: | ---: | ---: | --- |"
		echo "| cold import | $cold ms (CPU: $cpu s) | — | — | ≤ 20 s |"
		echo "| no-change rescan | $rescan ms | find -printf: $findt ms | $(awk -v a="$rescan" -v b="$findt" 'BEGIN { printf "%.2f×", a / (b ? b : 1) }') | ≤ 2× |"
		echo "| peak memory, no-change rescan | $srss | — | — | ≤ 30 MB |"
		echo "| first listed line | $((first / 1000)).$(printf '%03d' $((first % 1000))) ms | — | — | ≤ 30 ms |"
		echo "| peak memory, --list of all | $rss | — | — | constant |"
		echo "| peak memory, cold import | $((irss / 1024)) MiB | — | — | — |"
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
		echo "Cold imports: $walls s (median above). CPU of the median one by"
		echo "thread: main (walk and store) $main s, parsing and indexing workers"
		echo "$workers s. Scan report: \`$verbose\`."
		echo
	} >>"$out"
	if [ "$keep" -eq 0 ]; then
		rm -rf "$dir"
		rm_db
	fi
done

results_put collection.sh <"$out"
cat "$out"

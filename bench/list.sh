#!/bin/sh
# bench/list.sh [-r RUNS] [-k] [N...]: time `newsreader --list --json`
# over N seed-shaped articles (bench/gen-corpus) against `cat` of the same
# files, side by side in one run, and record the medians and their ratio
# in bench/RESULTS.md (between this script's markers).
#
#   -r RUNS  timed runs of each command per size (default 5)
#   -k       keep the generated corpora (in $NR_BENCH_DIR, default /tmp)
#   N...     corpus sizes (default: 10000 100000)
#
# Both commands read a warm page cache: one untimed run of each comes
# first. `cat` gets its file list from find, as --list walks the tree
# itself. Run from the source tree after tools/build (or set BUILD).
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
	*) echo "usage: bench/list.sh [-r RUNS] [-k] [N...]" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || set -- 10000 100000
for p in "$nr" "$gen"; do
	[ -x "$p" ] || { echo "bench/list.sh: $p is missing; run tools/build" >&2; exit 1; }
done
base=${NR_BENCH_DIR:-${TMPDIR:-/tmp}}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# time_ms CMD...: wall time of one run, in ms
time_ms() {
	t0=$(now_ms)
	"$@" >/dev/null 2>&1
	t1=$(now_ms)
	echo $((t1 - t0))
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

cat_files() { find "$1" -type f -name '*.md' -print0 | xargs -0 cat; }
list_files() { "$nr" --list --json "$1"; }

rows=""
for n in "$@"; do
	dir="$base/nr-bench-list-$n"
	if [ ! -d "$dir" ]; then
		echo "generating $n articles in $dir" >&2
		"$gen" "$n" "$dir" >/dev/null
	fi
	bytes=$(du -sm "$dir" | cut -f1)
	cat_files "$dir" >/dev/null
	list_files "$dir" >/dev/null 2>&1
	: >"$dir.cat"; : >"$dir.list"
	i=0
	while [ $i -lt "$runs" ]; do
		time_ms cat_files "$dir" >>"$dir.cat"
		time_ms list_files "$dir" >>"$dir.list"
		i=$((i + 1))
	done
	c=$(median <"$dir.cat")
	l=$(median <"$dir.list")
	ratio=$(awk -v l="$l" -v c="$c" 'BEGIN { printf "%.2f", (c > 0) ? l / c : 0 }')
	echo "$n files ($bytes MiB): cat ${c} ms, --list --json ${l} ms, ratio $ratio" >&2
	rows="$rows| $n | $bytes MiB | $c | $l | $ratio |
"
	rm -f "$dir.cat" "$dir.list"
	[ "$keep" -eq 1 ] || rm -rf "$dir"
done

# Record: replace this script's section of bench/RESULTS.md.
res="$top/bench/RESULTS.md"
[ -f "$res" ] || printf '# Benchmark results\n' >"$res"
section=$(cat <<END
<!-- bench/list.sh begin -->
## --list: listing articles vs cat

\`bench/list.sh\` on $(date -u '+%Y-%m-%d'), $(nproc) CPUs ($(uname -m)),
medians of $runs runs each, warm page cache. \`cat\` is
\`find DIR -name '*.md' -print0 | xargs -0 cat\`; newsreader is
\`newsreader --list --json DIR\` (reads the front matter only, parses in
one thread per CPU). Ratio is newsreader / cat: below 1 is faster.

| files | size | cat (ms) | --list --json (ms) | ratio |
| ---: | ---: | ---: | ---: | ---: |
$(printf '%s' "$rows")
<!-- bench/list.sh end -->
END
)
awk -v section="$section" '
	/<!-- bench\/list.sh begin -->/ { skip = 1; print section; done = 1; next }
	/<!-- bench\/list.sh end -->/ { skip = 0; next }
	!skip { print }
	END { if (!done) { print ""; print section } }' "$res" >"$res.new"
mv "$res.new" "$res"
echo "recorded in $res" >&2

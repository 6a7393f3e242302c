#!/bin/sh
# SPDX-License-Identifier: MIT
# bench/list.sh [-r RUNS] [-k] [N...]: `newsreader --list --json DIR` over
# N seed-shaped articles (bench/gen-corpus) against `cat` of the same
# files, side by side in one run; the medians and their ratios go to
# bench/RESULTS.md (between this script's markers).
#
# --list reads the collection (a database of its own here, --db, never
# the user's), so there are three figures:
#   first run   into an empty database: every file is parsed and its
#               text indexed for search, then listed (the cost of
#               importing, paid once; bench/collection.sh has it in
#               detail)
#   later runs  the usual case: the directory rescanned (nothing
#               changed: a stat of every file) and listed from the
#               database
#   --no-scan   the listing alone, from the database
#
#   -r RUNS  timed runs of each command per size (default 5; of the
#            first run, an import of seconds: 3 below 50,000 files, else 1)
#   -k       keep the generated corpora (in $NR_BENCH_DIR, default /tmp)
#   N...     corpus sizes (default: 10000 100000)
#
# Warm page cache: one untimed run of each command comes first. `cat`
# gets its file list from find, as --list walks the tree itself. Run from
# the source tree after tools/build (or set BUILD).
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/bench/lib.sh"
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
need "$nr" "$gen"
base=${NR_BENCH_DIR:-${TMPDIR:-/tmp}}
export LC_ALL=C.UTF-8

rm_db() { rm -f "$db" "$db"-*; }
cat_files() { find "$dir" -type f -name '*.md' -print0 | xargs -0 cat; }
list_first() { rm_db; time_ms "$nr" --db "$db" --list --json "$dir"; }
list_again() { "$nr" --db "$db" --list --json "$dir"; }
list_noscan() { "$nr" --db "$db" --list --json --no-scan; }

rows=""
for n in "$@"; do
	dir="$base/nr-bench-list-$n"
	db="$base/nr-bench-list-$n.db"
	if [ ! -d "$dir" ]; then
		echo "generating $n articles in $dir" >&2
		"$gen" "$n" "$dir" >/dev/null
	fi
	mib=$(du -sm "$dir" | cut -f1)
	lines=$(list_again | wc -l)	# also warms the cache
	[ "$lines" -eq "$n" ] || echo "bench/list.sh: $lines lines for $n files" >&2
	c=$(med time_ms cat_files)
	# The first run is an import: fewer runs of it (each is seconds).
	first=$(runs=$(( n >= 50000 ? 1 : 3 )) med list_first)
	again=$(med time_ms list_again)
	noscan=$(med time_ms list_noscan)
	echo "$n files ($mib MiB): cat $c ms; --list --json: first $first ms, again $again ms, --no-scan $noscan ms" >&2
	rows="$rows| $n | $mib MiB | $c | $first ($(ratio "$first" "$c")) | $again ($(ratio "$again" "$c")) | $noscan ($(ratio "$noscan" "$c")) |
"
	rm_db
	[ "$keep" -eq 1 ] || rm -rf "$dir"
done

results_put list.sh <<END
## --list: listing articles vs cat

\`bench/list.sh\` on $(date -u '+%Y-%m-%d'), $(nproc) CPUs ($(uname -m)), load
average $(cut -d' ' -f1-3 /proc/loadavg) at the end (the machine is shared).
Medians of $runs runs each (the first run into an empty database: of 3
below 50,000 files, of 1 above), warm page cache. \`cat\` is
\`find DIR -name '*.md' -print0 | xargs -0 cat\`; newsreader is
\`newsreader --db FILE --list --json DIR\`: its first run imports the
directory (parses every file and indexes its text for search) and lists
it; later runs rescan it (a stat of each file, nothing changed) and list
it from the database; \`--no-scan\` only lists. In brackets: the time
over cat's, below 1 is faster.

| files | size | cat (ms) | first run (ms) | later runs (ms) | --no-scan (ms) |
| ---: | ---: | ---: | ---: | ---: | ---: |
$(printf '%s' "$rows")
END

# SPDX-License-Identifier: MIT
# bench/lib.sh: what the bench/*.sh scripts share. Sourced, not run,
# once top (the source tree) is set:
#
#   top=$(cd "$(dirname "$0")/.." && pwd)
#   . "$top/bench/lib.sh"
#
#   now_ms                 the wall clock in milliseconds
#   time_ms CMD...         the wall time of one run of CMD in ms (its
#   time_us CMD...         output discarded); time_us in microseconds
#   median                 the median of the numbers on stdin, one a line
#                          (of two middle integers: their mean rounded
#                          down, so that it stays an integer)
#   med FN ARGS...         the median of $runs timings printed by FN ARGS
#                          (time_ms, time_us, or a function of the
#                          script's own), after one untimed warm-up run
#   ratio A B              A / B with two decimals, or — when B is 0
#   results_put NAME       stdin in place of NAME's section of
#                          bench/RESULTS.md (between the markers
#                          <!-- bench/NAME begin --> and <!-- bench/NAME
#                          end -->, which it writes), appended when the
#                          file has none yet
#
#   need PROG...           exit with a message unless each PROG is an
#                          executable
#
# It sets build ($BUILD, else the tree's build/), and nr and gen: the
# newsreader and bench/gen-corpus there. The scripts keep their own
# figures; this file holds the clock, the statistics, the results file
# and the programs' places, so that every table is made alike.

build=${BUILD:-$top/build}
nr="$build/src/newsreader"
gen="$build/bench/gen-corpus"

need() {
	for _p; do
		[ -x "$_p" ] || { echo "$(basename "$0"): $_p is missing; run tools/build (and make check, for bench/nr-pty)" >&2; exit 1; }
	done
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

time_ms() {
	_t0=$(date +%s%N)
	"$@" >/dev/null 2>&1
	_t1=$(date +%s%N)
	echo $(( (_t1 - _t0) / 1000000 ))
}

time_us() {
	_t0=$(date +%s%N)
	"$@" >/dev/null 2>&1
	_t1=$(date +%s%N)
	echo $(( (_t1 - _t0) / 1000 ))
}

median() {
	sort -n | awk '
		function isint(x) { return x == int(x) }
		{ v[NR] = $1 }
		END {
			if (NR == 0) exit
			if (NR % 2) { print v[(NR + 1) / 2]; exit }
			a = v[NR / 2]; b = v[NR / 2 + 1]
			if (isint(a) && isint(b)) print int((a + b) / 2)
			else printf "%.2f\n", (a + b) / 2
		}'
}

med() {
	"$@" >/dev/null
	_i=0
	while [ "$_i" -lt "${runs:-5}" ]; do
		"$@"
		_i=$((_i + 1))
	done | median
}

ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "—" }'
}

results_put() {
	_res="$top/bench/RESULTS.md"
	_sec=$(mktemp)
	cat >"$_sec"
	[ -f "$_res" ] || echo "# Benchmark results" >"$_res"
	awk -v name="$1" -v sec="$_sec" '
		function put() {
			print "<!-- bench/" name " begin -->"
			while ((getline l < sec) > 0) print l
			print "<!-- bench/" name " end -->"
			done = 1
		}
		$0 == "<!-- bench/" name " begin -->" { skip = 1; put(); next }
		$0 == "<!-- bench/" name " end -->" { skip = 0; next }
		!skip { print }
		END { if (!done) { print ""; put() } }' "$_res" >"$_res.new"
	mv "$_res.new" "$_res"
	rm -f "$_sec"
	echo "recorded in $_res" >&2
}

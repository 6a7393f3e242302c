#!/bin/sh
# SPDX-License-Identifier: MIT
# bench/render.sh [-r RUNS] [-n BYTES]: time `newsreader --dump FILE
# --width 80 >/dev/null` against `w3m -dump -cols 80 -T text/html` on the
# same body, side by side in one run, for three articles:
#   - the seed (data/000_bbf8aa7d2cb0c58b.md);
#   - a generated article of BYTES (default 1 MiB): bench/gen-corpus -b,
#     seed-shaped but its text a word salad with punctuation every few
#     characters, the hard case for line breaking;
#   - BYTES of the seed's own paragraphs, repeated: real news text.
# Then the layout stage alone on the two big articles
# (bench/layout-bench). Medians and ratios go into bench/RESULTS.md,
# between this script's markers.
#
#   -r RUNS   timed rounds (default 15; 3 warm-up rounds first)
#   -n BYTES  the size of the two big articles (default 1048576)
#
# bench/alternate runs the commands by turns, round after round, so a
# change of load on a shared machine falls on both alike; it reports the
# median wall time and the median CPU time (user + system) of each. w3m
# reads the body alone (front matter cut off); newsreader reads the whole
# file, front matter included, and prints the page's header and link list
# as well. newsreader lays a big article out on every CPU, so its wall
# time can be below its CPU time. Run from the source tree after
# tools/build (or set BUILD); develop with a small -n and -r.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/bench/lib.sh"
lb="$build/bench/layout-bench"
alt="$build/bench/alternate"
runs=15
bytes=1048576
while getopts r:n: opt; do
	case $opt in
	r) runs=$OPTARG ;;
	n) bytes=$OPTARG ;;
	*) echo "usage: bench/render.sh [-r RUNS] [-n BYTES]" >&2; exit 2 ;;
	esac
done
need "$nr" "$gen" "$lb" "$alt"
command -v w3m >/dev/null ||
    { echo "bench/render.sh: no w3m (tools/install-deps --bench)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/nr-bench-render.XXXXXX")
trap 'rm -rf "$work"' EXIT

# body FILE: the article's body, front matter cut off
body() { awk '/^---$/ && n < 2 { n++; next } n >= 2' "$1"; }

rows=""
# compare NAME FILE
compare() {
	name=$1 file=$2
	body "$file" >"$work/body.html"
	size=$(wc -c <"$file")
	"$alt" "$runs" "$nr" --dump "$file" --width 80 -- \
	    w3m -dump -cols 80 -T text/html "$work/body.html" >"$work/t"
	nw=$(sed -n 1p "$work/t" | cut -d' ' -f1)
	nc=$(sed -n 1p "$work/t" | cut -d' ' -f2)
	ww=$(sed -n 2p "$work/t" | cut -d' ' -f1)
	wc=$(sed -n 2p "$work/t" | cut -d' ' -f2)
	rw=$(awk -v a="$nw" -v b="$ww" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }')
	rc=$(awk -v a="$nc" -v b="$wc" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }')
	echo "$name ($size bytes): wall newsreader $nw ms, w3m $ww ms ($rw); cpu $nc ms, $wc ms ($rc)" >&2
	rows="$rows| $name | $size | $ww | $nw | **$rw** | $wc | $nc | **$rc** |
"
}

compare "seed" "$top/data/000_bbf8aa7d2cb0c58b.md"

"$gen" -b "$bytes" 1 "$work/gen" >/dev/null
big=$(find "$work/gen" -type f -name '*.md' | head -1)
compare "generated (gen-corpus -b $bytes)" "$big"

# the seed's paragraphs, repeated to the same size, under its front matter
awk '{ print } /^---$/ && ++n == 2 { exit }' \
    "$top/data/000_bbf8aa7d2cb0c58b.md" >"$work/seed-big.md"
body "$top/data/000_bbf8aa7d2cb0c58b.md" >"$work/seed-body.html"
while [ "$(wc -c <"$work/seed-big.md")" -lt "$bytes" ]; do
	cat "$work/seed-body.html" >>"$work/seed-big.md"
done
compare "the seed's paragraphs repeated" "$work/seed-big.md"

# layout alone, on the generated article
lay=$("$lb" -r "$runs" -w 80 "$big" | awk '$1 == "layout"')
lay_ms=$(echo "$lay" | awk '{ print $2 }')
lay_text=$(echo "$lay" | awk '{ print $4 }')
lay_mbs=$(echo "$lay" | awk '{ print $6 }')
lay2=$("$lb" -r "$runs" -w 80 "$work/seed-big.md" | awk '$1 == "layout"')
lay2_mbs=$(echo "$lay2" | awk '{ print $6 }')
echo "layout: $lay; seed text: $lay2" >&2

results_put render.sh <<END
## --dump: rendering an article vs w3m

\`bench/render.sh -r $runs -n $bytes\` on $(date -u '+%Y-%m-%d'), $(nproc) CPUs ($(uname -m)),
load average $(cut -d' ' -f1-3 /proc/loadavg) at the end (the machine is shared).
\`bench/alternate\`: $runs rounds after 3 warm-up rounds, the two commands by
turns. w3m is \`w3m -dump -cols 80 -T text/html BODY\` on the body alone;
newsreader is \`newsreader --dump FILE --width 80\` on the whole file (front
matter parsed, header and link list printed too). Wall is the median wall
time, cpu the median user + system time; ratio is newsreader / w3m, the
target 0.5 or less.

| article | bytes | w3m wall (ms) | newsreader wall (ms) | ratio | w3m cpu (ms) | newsreader cpu (ms) | ratio |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
$(printf '%s' "$rows")

Layout alone (\`bench/layout-bench -r $runs -w 80\`, median): on the generated
article $lay_text bytes of block text in $lay_ms ms, **$lay_mbs MB/s**; on
the seed's paragraphs **$lay2_mbs MB/s** (target: 50 MB/s or more). That is
every stage after the document: scrubbing, ICU line and cluster breaks with
the zh vetoes, cells and widths, and filling lines, in one thread.
END

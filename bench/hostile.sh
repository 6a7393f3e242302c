#!/bin/sh
# SPDX-License-Identifier: MIT
# bench/hostile.sh: the hostile bodies of issue 11 (tests/hostile.sh makes
# the same shapes), each through newsreader --dump and --list, and, for
# the HTML ones, w3m -dump (the tool a user would otherwise read them
# with), in one run: wall time, CPU time and peak RSS (/usr/bin/time).
# Prints a Markdown table for bench/RESULTS.md. Needs about 400 MB of
# /tmp and a few minutes; w3m is skipped when not installed
# (tools/install-deps --bench installs it).
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
nr=${NEWSREADER:-$top/build/src/newsreader}
[ -x "$nr" ] || { echo "bench/hostile.sh: build first ($nr)" >&2; exit 1; }
d=$(mktemp -d "${TMPDIR:-/tmp}/nr-hostile.XXXXXX")
trap 'rm -rf "$d"' EXIT
export LC_ALL=C.UTF-8

header() { printf -- '---\ntitle: %s\ndate: 2021-01-02 03:04:05\n---\n' "$1"; }
repeat() { head -c "$1" /dev/zero | tr '\0' "$2"; }
mb=1048576

# name, then the file on stdin
mk() { cat >"$d/$1"; }
{ header q; repeat $((8 * mb)) '>'; printf ' inner\n'; } | mk quotes-8m.md
{ header q; repeat "$mb" '>'; printf ' inner\n'; } | mk quotes-1m.md
{ header t; printf '```\nx'; repeat 2097152 '\t'; printf 'y\n```\n'; } | mk tabs-2m.md
{ header t; printf '```\nx'; repeat 1048000 '\t'; printf 'y\n```\n'; } | mk tabs-1m.md
{ header o; yes word | head -n $((63 * mb / 5)) | tr '\n' ' '; printf 'last\n'; } | mk oneline-63m.md
{ header p; repeat $((63 * mb / 4 - 100)) x | sed 's/x/<p>x/g'; printf '\n'; } | mk tiny-63m.html
{ header p; repeat $((mb / 4 - 100)) x | sed 's/x/<p>x/g'; printf '\n'; } | mk tiny-1m.html
{ header s; repeat $((63 * mb / 4 - 100)) x | sed 's/x/*a* /g'; printf '\n'; } | mk spans-63m.md
{ header v; i=0; while [ $i -lt 100 ]; do repeat 1000 x | sed 's/x/<div>/g';
    i=$((i + 1)); done; printf 'inner\n'; } | mk divs-100k.html

# measure CMD...: "WALL CPU RSS" (s, s, MB)
measure() {
	/usr/bin/time -f '%e %U %S %M' -o "$d/time" "$@" >/dev/null 2>&1 || true
	awk '{ printf "%.2f %.2f %.0f", $1, $2 + $3, $4 / 1024 }' "$d/time"
}

echo "| file | size | --dump s (CPU) | --dump MB | --list s (CPU) | --list MB | w3m -dump s | w3m MB |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for f in quotes-1m.md tabs-1m.md tiny-1m.html quotes-8m.md tabs-2m.md \
    divs-100k.html oneline-63m.md tiny-63m.html spans-63m.md; do
	size=$(( $(wc -c <"$d/$f") / 1024 ))
	set -- $(measure "$nr" --dump --width 80 "$d/$f")
	dump="$1 ($2) | $3"
	mkdir -p "$d/l-$f" && ln -sf "$d/$f" "$d/l-$f/"
	set -- $(measure "$nr" --db "$d/$f.db" --list "$d/l-$f")
	list="$1 ($2) | $3"
	w3m="— | —"
	case $f in
	*.html) command -v w3m >/dev/null 2>&1 &&
		set -- $(measure w3m -dump -cols 80 -T text/html "$d/$f") &&
		w3m="$1 | $3" ;;
	esac
	echo "| $f | $size KiB | $dump | $list | $w3m |"
	rm -rf "$d/$f.db"* "$d/l-$f"
done

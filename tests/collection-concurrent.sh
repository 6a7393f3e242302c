#!/bin/sh
# SPDX-License-Identifier: MIT
# Two newsreader processes on one database: one scanning while others list,
# count and mark articles; and two scanning the same source at once.
# Neither may fail (in particular with "database is locked"), and the
# result must be whole.
. "${top_srcdir:-.}/tests/lib.sh"

GEN="$top_builddir/bench/gen-corpus"
[ -x "$GEN" ] || skip_all "bench/gen-corpus is not built"
N=1500
C="$T/news"
"$GEN" "$N" "$C" || skip_all "gen-corpus failed"
DB="$T/nr.db"
nr() { "$NEWSREADER" --db "$DB" "$@"; }

# One small article first, so there is an id to mark during the scan.
"$GEN" -s 5 1 "$T/one"
nr --list "$T/one" >/dev/null
first=$(nr --list --no-scan | awk -F'\t' '{ print $NF; exit }')

"$NEWSREADER" --db "$DB" --list "$C" >/dev/null 2>"$T/scan.err" &
scan=$!
fails=0
i=0
while [ "$i" -lt 15 ]; do
	nr --list --no-scan >/dev/null 2>>"$T/err" || fails=$((fails + 1))
	nr --categories --no-scan >/dev/null 2>>"$T/err" || fails=$((fails + 1))
	nr --list --no-scan --search 火车站 >/dev/null 2>>"$T/err" || fails=$((fails + 1))
	if [ $((i % 2)) -eq 0 ]; then
		nr --mark-read "$first" 2>>"$T/err" || fails=$((fails + 1))
	else
		nr --mark-unread "$first" 2>>"$T/err" || fails=$((fails + 1))
	fi
	i=$((i + 1))
done
during=$(nr --list --no-scan | wc -l)
wait "$scan"
is "$?" 0 "the scan succeeds while others read and write"
is "$fails" 0 "every command run during the scan succeeds"
is "$(cat "$T/err" "$T/scan.err")" "" "with nothing on stderr"
ok "$([ "$during" -ge 1 ] && echo 0 || echo 1)" "readers saw the collection during the scan ($during articles)"
is "$(nr --list --no-scan | wc -l)" "$((N + 1))" "after it, every article is there"

# Two scans of the same files at once.
find "$C" -name '*.md' -exec touch {} +
"$NEWSREADER" --db "$DB" --list "$C" >/dev/null 2>"$T/a.err" &
a=$!
"$NEWSREADER" --db "$DB" --list "$C" >/dev/null 2>"$T/b.err" &
b=$!
wait "$a"; sa=$?
wait "$b"; sb=$?
is "$sa $sb" "0 0" "two scans at once both succeed"
is "$(cat "$T/a.err" "$T/b.err")" "" "with nothing on stderr"
is "$(nr --list --no-scan | wc -l)" "$((N + 1))" "and leave each article once"
is "$(nr --list --no-scan --sort path | cut -f4 | sort -u | wc -l)" "$((N + 1))" \
	"with no path twice"
want=$(grep -rlF 火车站 "$C" "$T/one" | wc -l)
is "$(nr --list --no-scan --search 火车站 | wc -l)" "$want" "and a search that agrees with grep"
if command -v sqlite3 >/dev/null 2>&1; then
	is "$(sqlite3 "$DB" 'PRAGMA integrity_check')" ok "integrity_check"
else
	skip "the sqlite3 program is not installed"
fi

done_testing

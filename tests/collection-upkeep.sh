#!/bin/sh
# SPDX-License-Identifier: MIT
# The full-text index's upkeep under ordinary edits (issue 11, 1):
#
#   - rounds of edits touching 40% of the collection, each followed by a
#     rescan and a search that finds every edited article (with a statement
#     journal spilling past 128 KiB, the upkeep's UPDATE failed with
#     "database or disk is full" after the first round, and every rescan
#     after it);
#   - an upkeep that fails (a trigger refuses its UPDATE) does not stop the
#     scan: the articles are stored and found, the failure is said once,
#     and the next scan, with the fault gone, does the upkeep;
#   - four scans at once over the same edits index each change once (they
#     take turns), so the garbage stays one stale document an edit, and
#     rounds of them never outgrow the upkeep's bound.
. "${top_srcdir:-.}/tests/lib.sh"

GEN="$top_builddir/bench/gen-corpus"
[ -x "$GEN" ] || skip_all "bench/gen-corpus is not built"
command -v sqlite3 >/dev/null 2>&1 || need "the sqlite3 program is not installed"
N=3000
C="$T/news"
DB="$T/nr.db"
"$GEN" "$N" "$C" || skip_all "gen-corpus failed"
nr() { "$NEWSREADER" --db "$DB" "$@"; }

# found WORD: the paths a search finds, sorted
found() { nr --list --no-scan --search "$1" | cut -f4 | sort; }
# grepped WORD: the files that hold it, sorted
grepped() { grep -rlF "$1" "$C" | sort; }
# edit ROUND SHARE-PERCENT WORD: append WORD to SHARE% of the files (a
# different choice each round)
edit() {
	find "$C" -name '*.md' | sort |
	awk -v r="$1" -v p="$2" '(NR * 7 + r * 13) % 100 < p' >"$T/chosen"
	while IFS= read -r f; do
		printf '<p>更正 %s</p>\n' "$3" >>"$f"
	done <"$T/chosen"
	wc -l <"$T/chosen" | tr -d ' '
}
# garbage: the index's documents that no article refers to
garbage() {
	g=0
	for k in 0 1; do
		docs=$(sqlite3 "$DB-fts$k" "SELECT value FROM shard WHERE key = 'docs'")
		live=$(sqlite3 "$DB" "SELECT count(*) FROM articles WHERE docid % 2 = $k")
		g=$((g + docs - live))
	done
	echo "$g"
}

nr --list "$C" >/dev/null 2>"$T/err"
is "$?" 0 "the first import succeeds"

for round in 1 2 3 4; do
	word="Revise$round"
	n=$(edit "$round" 40 "$word")
	nr --list "$C" >/dev/null 2>"$T/err"
	is "$?:$(cat "$T/err")" "0:" "round $round: the rescan after $n edits succeeds, silently"
	found "$word" >"$T/found"
	grepped "$word" >"$T/grep"
	is "$(wc -l <"$T/grep" | tr -d ' ')" "$n" "round $round: grep finds the $n edited files"
	is_file "$T/found" "$T/grep" "round $round: the search finds every edited article"
	is "$(nr --list --no-scan | wc -l)" "$N" "round $round: every article is still there"
done
g=$(garbage)
ok "$([ "$g" -lt $((N * 2 / 5 + 1000)) ] && echo 0 || echo 1)" \
	"the garbage was reclaimed along the way ($g stale documents)"

# Marks made before are kept through all of it.
first=$(nr --list --no-scan | awk -F'\t' 'NR == 1 { print $NF }')
nr --mark-read "$first" && nr --star "$first"

# An upkeep that fails: the scan still stores and indexes the edits.
sqlite3 "$DB" "CREATE TRIGGER fault BEFORE UPDATE OF docid ON articles
	WHEN NEW.docid IS NULL BEGIN SELECT RAISE(ABORT, 'injected fault'); END"
for round in 5 6; do
	n=$(edit "$round" 40 "Revise$round")
done
nr --list "$C" >/dev/null 2>"$T/err"
is "$?" 0 "with the upkeep failing, the rescan succeeds"
like "$(cat "$T/err")" "^newsreader: $DB: the index's upkeep failed \(.*injected fault.*\); the next scan tries again$" \
	"and says the upkeep failed"
is "$(wc -l <"$T/err" | tr -d ' ')" 1 "once"
found Revise6 >"$T/found"
grepped Revise6 >"$T/grep"
is_file "$T/found" "$T/grep" "the edits are stored and found"
before=$(garbage)
ok "$([ "$before" -ge 1000 ] && echo 0 || echo 1)" "the garbage stays ($before stale documents)"
sqlite3 "$DB" "DROP TRIGGER fault"
nr --list "$C" >/dev/null 2>"$T/err"
is "$?:$(cat "$T/err")" "0:" "without the fault, the next scan succeeds silently"
is "$(garbage)" 0 "and does the upkeep: no stale document is left"
found Revise5 >"$T/found"
grepped Revise5 >"$T/grep"
is_file "$T/found" "$T/grep" "every article is indexed again"
is "$(nr --list --no-scan --unread | wc -l)" "$((N - 1))" "the read mark survives"
is "$(nr --list --no-scan --starred | awk -F'\t' '{ print $NF }')" "$first" "the star survives"

# Four scans at once over the same 100 edits.
n=$(edit 7 3 Revise7)
before=$(garbage)
pids=""
for i in 1 2 3 4; do
	nr --list "$C" >/dev/null 2>"$T/c$i.err" &
	pids="$pids $!"
done
st=0
for p in $pids; do wait "$p" || st=1; done
is "$st:$(cat "$T"/c*.err)" "0:" "four scans at once succeed, silently"
after=$(garbage)
# Each edit leaves one stale document, the old text's: no scan indexes a
# change another has indexed (they take turns).
is "$((after - before))" "$n" "their garbage is one stale document an edit"
found Revise7 >"$T/found"
grepped Revise7 >"$T/grep"
is_file "$T/found" "$T/grep" "and the search agrees with grep"
# Rounds of concurrent scans: the garbage never outgrows the upkeep's
# bound (a fifth of the live documents, or 1,000) by more than a round's.
max=0
for round in 8 9 10 11 12 13; do
	n=$(edit "$round" 10 "Revise$round")
	for i in 1 2 3 4; do nr --list "$C" >/dev/null 2>>"$T/cc.err" & done
	wait
	g=$(garbage)
	[ "$g" -gt "$max" ] && max=$g
done
is "$(cat "$T/cc.err")" "" "rounds of four scans at once say nothing"
ok "$([ "$max" -le $((N / 4 + 1000 + n)) ] && echo 0 || echo 1)" \
	"the garbage stays bounded over rounds (at most $max)"
nr --list "$C" >/dev/null
is "$(sqlite3 "$DB" 'PRAGMA integrity_check')" ok "integrity_check"
# (sqlite3 has made the -wal and -shm again: one more scan closes them.)
nr --list "$C" >/dev/null
is "$(cd "$T" && ls nr.db*)" "$(printf 'nr.db\nnr.db-fts0\nnr.db-fts1')" \
	"a clean exit leaves no -wal, -shm or -lock file"

done_testing

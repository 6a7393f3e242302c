#!/bin/sh
# SPDX-License-Identifier: MIT
# A scan killed with SIGKILL at a random moment, 20 times, leaves a sound
# database (PRAGMA integrity_check through the sqlite3 program, of the
# database and of its two index shards; the category counts agreeing with
# their links, and the kept totals with the articles; every indexed
# article's document in its shard) and loses no read or starred state;
# the next full scan finishes the work.
. "${top_srcdir:-.}/tests/lib.sh"

GEN="$top_builddir/bench/gen-corpus"
[ -x "$GEN" ] || skip_all "bench/gen-corpus is not built"
command -v sqlite3 >/dev/null 2>&1 || skip_all "the sqlite3 program is not installed"
N=1200
C="$T/news"
"$GEN" "$N" "$C" || skip_all "gen-corpus failed"
DB="$T/nr.db"
nr() { "$NEWSREADER" --db "$DB" "$@"; }

nr --list "$C" >/dev/null
is "$(nr --list --no-scan | wc -l)" "$N" "the first scan"

# State on every 10th article (read) and every 25th (starred).
nr --list --no-scan --sort path | awk -F'\t' 'NR % 10 == 0 { print $NF }' >"$T/read"
nr --list --no-scan --sort path | awk -F'\t' 'NR % 25 == 0 { print $NF }' >"$T/starred"
# shellcheck disable=SC2046
nr --mark-read $(cat "$T/read") && nr --star $(cat "$T/starred")
nread=$(wc -l <"$T/read")
nstar=$(wc -l <"$T/starred")

# count_state: "READ STARRED" among the articles with the marked ids
count_state() {
	nr --list --no-scan --json | awk -v rf="$T/read" -v sf="$T/starred" '
		BEGIN { while ((getline l < rf) > 0) r[l] = 1
			while ((getline l < sf) > 0) s[l] = 1 }
		{ match($0, /"id":[0-9]+,"read":[a-z]+,"starred":[a-z]+}$/)
		  split(substr($0, RSTART, RLENGTH), f, /[:,}]/)
		  if ((f[2] in r) && f[4] == "true") nr++
		  if ((f[2] in s) && f[6] == "true") ns++ }
		END { printf "%d %d\n", nr, ns }'
}
is "$(count_state)" "$nread $nstar" "$nread read, $nstar starred"

# Faults a killed scan could leave, as SQL: each row is one.
CHECK="SELECT count(*) FROM categories k WHERE total <> (SELECT count(*)
	FROM article_categories WHERE cat_id = k.id) OR unread <> (SELECT
	count(*) FROM article_categories WHERE cat_id = k.id AND unread);
	SELECT count(*) FROM article_categories d LEFT JOIN articles a ON
	a.id = d.article_id WHERE a.id IS NULL OR d.unread = a.read;
	SELECT count(*) FROM article_categories d LEFT JOIN categories k ON
	k.id = d.cat_id WHERE k.id IS NULL;
	SELECT count(*) FROM totals k WHERE k.total <> (SELECT count(*) FROM
	articles) OR k.unread <> (SELECT count(*) FROM articles WHERE read = 0)
	OR k.starred <> (SELECT count(*) FROM articles WHERE starred = 1) OR
	k.starred_unread <> (SELECT count(*) FROM articles WHERE starred = 1
	AND read = 0);
	ATTACH '$DB-fts0' AS s0; ATTACH '$DB-fts1' AS s1;
	SELECT count(*) FROM articles a WHERE a.docid IS NOT NULL AND CASE
	a.docid % 2 WHEN 0 THEN NOT EXISTS (SELECT 1 FROM s0.fts_docsize
	WHERE id = a.docid) ELSE NOT EXISTS (SELECT 1 FROM s1.fts_docsize
	WHERE id = a.docid) END;"

moved=0
round=1
while [ "$round" -le 20 ]; do
	# Work for the scan: every file changed; now and then a move, a
	# delete and a new file.
	find "$C" -name '*.md' -exec touch {} +
	if [ $((round % 4)) -eq 0 ]; then
		# A read article still at its listed path: after a killed
		# scan the listing may name a file an earlier round moved.
		victim=$(nr --list --no-scan | awk -F'\t' -v rf="$T/read" '
			BEGIN { while ((getline l < rf) > 0) r[l] = 1 }
			($NF in r) && $4 !~ "/moved/" { print $4 }' |
			while IFS= read -r p; do
				[ -f "$p" ] && { printf '%s\n' "$p"; break; }
			done)
		mkdir -p "$C/moved"
		if [ -n "$victim" ] && mv "$victim" "$C/moved/round$round.md"; then
			moved=$((moved + 1))
		fi
	fi
	delay=$(awk -v s="$round" 'BEGIN { srand(s * 7919); printf "%.2f", 0.02 + rand() * 0.9 }')
	# Not through nr(): a function in the background is a subshell, and
	# killing it would leave the scan running.
	"$NEWSREADER" --db "$DB" --list "$C" >/dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	ic=$(for f in "$DB" "$DB-fts0" "$DB-fts1"; do sqlite3 "$f" 'PRAGMA integrity_check'; done | tr '\n' ' ')
	is "$ic" "ok ok ok " "round $round (killed after ${delay}s): integrity_check of the three files"
	faults=$(sqlite3 "$DB" "$CHECK" | tr '\n' ' ')
	is "$faults" "0 0 0 0 0 " "round $round: category counts and links agree, so do the totals, no document missing"
	is "$(count_state)" "$nread $nstar" "round $round: no state lost"
	round=$((round + 1))
done

# The next full scan finishes the work.
nr --list "$C" >/dev/null
is "$(nr --list --no-scan | wc -l)" "$N" "a full scan: every file is listed once"
is "$(nr --list --no-scan --sort path | cut -f4 | sort -u | wc -l)" "$N" "with no path twice"
is "$(count_state)" "$nread $nstar" "and the state is all there"
is "$(nr --list --no-scan | awk -F'\t' '$4 ~ "/moved/"' | wc -l)" "$moved" \
	"the $moved moved files are listed at their new paths"
moved_read=$(nr --list --no-scan --json --unread | grep -c '/moved/')
is "$moved_read" 0 "and kept their read state"
want=$(grep -rlF 火车站 "$C" | wc -l)
is "$(nr --list --no-scan --search 火车站 | wc -l)" "$want" "search agrees with grep"
is "$(sqlite3 "$DB" 'PRAGMA integrity_check')" ok "integrity_check at the end"

done_testing

#!/bin/sh
# SPDX-License-Identifier: MIT
# A randomised soak of the collection against a model of the tree
# (issue 11, 1). Each round makes random edits, renames, deletes and new
# files, marks a few articles read, starred or neither, and sometimes
# SIGKILLs a scan at a random point; then a scan, and the collection must
# agree with the tree:
#
#   - its list names exactly the files in the tree;
#   - a search for a word finds exactly the files grep finds it in (the
#     word of this round's edits, of an earlier round's, and a word of the
#     generated text);
#   - every mark made and not undone is there, and no other: a mark
#     follows its file through edits and renames, and goes with it.
#
#   NR_SOAK_ROUNDS   rounds (default 200)
#   NR_SOAK_SECONDS  stop after the round that passes this many seconds
#                    (default 240; CI's bound); the rounds run are said
#   NR_SOAK_SEED     the random seed (default: from the clock; always said,
#                    so that a failure can be replayed)
. "${top_srcdir:-.}/tests/lib.sh"

GEN="$top_builddir/bench/gen-corpus"
[ -x "$GEN" ] || skip_all "bench/gen-corpus is not built"
ROUNDS=${NR_SOAK_ROUNDS:-200}
SECONDS_MAX=${NR_SOAK_SECONDS:-240}
SEED=${NR_SOAK_SEED:-$(date +%s)}
diag "seed $SEED (NR_SOAK_SEED=$SEED replays this run)"

C="$T/news"
POOL="$T/pool"
DB="$T/nr.db"
"$GEN" -s 1 300 "$C" && "$GEN" -s 2 1200 "$POOL" || skip_all "gen-corpus failed"
nr() { "$NEWSREADER" --db "$DB" "$@"; }
nr --list "$C" >/dev/null || { ok 1 "the first import"; done_testing; exit 1; }

# The model of the marks: lines "PATH read|star" (the tree is its own model).
: >"$T/marks"
# The pool's files not used yet, one a line.
find "$POOL" -name '*.md' | sort >"$T/unused"

# rand N: a number in [0, N), the next of the seeded sequence (its place
# kept in a file: rand runs in command substitutions, which are subshells)
echo 0 >"$T/rand"
rand() {
	i=$(( $(cat "$T/rand") + 1 ))
	echo "$i" >"$T/rand"
	awk -v s="$SEED" -v i="$i" -v n="$1" \
	    'BEGIN { srand(s * 7919 + i); print int(rand() * n) }'
}
# pick: a random file of the tree
pick() {
	find "$C" -name '*.md' | sort >"$T/files"
	n=$(wc -l <"$T/files")
	[ "$n" -gt 0 ] || return 1
	sed -n "$(( $(rand "$n") + 1 ))p" "$T/files"
}
# remark OLD NEW: the marks of OLD now belong to NEW (or go, NEW empty)
remark() {
	awk -v o="$1" -v n="$2" 'BEGIN { FS = OFS = "\t" }
	    $1 == o { if (n != "") print n, $2; next } { print }' \
	    "$T/marks" >"$T/marks.new" && mv "$T/marks.new" "$T/marks"
}
# sorted paths of the files of a listing on stdin (path is field 4)
paths() { cut -f4 | sort; }

start=$(date +%s)
round=0
fails=0
while [ "$round" -lt "$ROUNDS" ]; do
	round=$((round + 1))
	: >"$T/touched"
	# Edits: the file keeps its path, its marks and gets the round's word.
	i=$(rand 6)
	while [ "$i" -gt 0 ]; do
		f=$(pick) && printf '<p>更正 SoakE%d</p>\n' "$round" >>"$f" &&
		    echo "$f" >>"$T/touched"
		i=$((i - 1))
	done
	# Renames of files not edited this round: the marks follow.
	i=$(rand 4)
	while [ "$i" -gt 0 ]; do
		f=$(pick)
		if [ -n "$f" ] && ! grep -qxF "$f" "$T/touched"; then
			d=$(dirname "$(pick)")
			new="$d/r$round-$i-$(basename "$f")"
			mv "$f" "$new" && remark "$f" "$new" && echo "$new" >>"$T/touched"
		fi
		i=$((i - 1))
	done
	# Deletes: the marks go.
	i=$(rand 3)
	while [ "$i" -gt 0 ]; do
		f=$(pick) && rm -f "$f" && remark "$f" ""
		i=$((i - 1))
	done
	# New files, from the pool (each used once, so no two are alike); once
	# it is used up, a file of the tree with a line of its own added.
	i=$(rand 5)
	while [ "$i" -gt 0 ]; do
		src=$(head -1 "$T/unused")
		f=$(pick) || f=""
		if [ -n "$src" ]; then
			sed -i 1d "$T/unused"
			cp "$src" "$(dirname "${f:-$C/x}")/n$round-$i.md"
		elif [ -n "$f" ]; then
			{ cat "$f"; printf '<p>新 %d-%d</p>\n' "$round" "$i"; } \
			    >"$(dirname "$f")/n$round-$i.md"
		fi
		i=$((i - 1))
	done
	# Now and then a scan killed at a random point.
	if [ "$(rand 3)" -eq 0 ]; then
		nr --list "$C" >/dev/null 2>&1 &
		p=$!
		sleep "0.$(printf '%03d' "$(rand 400)")"
		kill -9 "$p" 2>/dev/null
		wait "$p" 2>/dev/null
	fi
	if ! nr --list "$C" >"$T/list" 2>"$T/err" || [ -s "$T/err" ]; then
		ok 1 "round $round: the scan succeeds silently"
		sed 's/^/# /' "$T/err"
		fails=$((fails + 1))
		break
	fi
	# Marks: one read, one starred, one mark taken back.
	f=$(pick) && nr --mark-read "$f" && printf '%s\tread\n' "$f" >>"$T/marks"
	f=$(pick) && nr --star "$f" && printf '%s\tstar\n' "$f" >>"$T/marks"
	if [ -s "$T/marks" ] && [ "$(rand 2)" -eq 0 ]; then
		n=$(wc -l <"$T/marks")
		line=$(sed -n "$(( $(rand "$n") + 1 ))p" "$T/marks")
		f=${line%	*}
		case $line in
		*"	read") nr --mark-unread "$f" ;;
		*) nr --unstar "$f" ;;
		esac
		grep -vxF "$line" "$T/marks" >"$T/marks.new"
		mv "$T/marks.new" "$T/marks"
	fi
	sort -u "$T/marks" -o "$T/marks"

	# The collection against the tree.
	find "$C" -name '*.md' | sort >"$T/want"
	paths <"$T/list" >"$T/got"
	cmp -s "$T/got" "$T/want" || { diag "round $round: the list is not the tree"; diff "$T/want" "$T/got" | head -5 | sed 's/^/# /'; fails=$((fails + 1)); break; }
	for w in "SoakE$round" "SoakE$(( round / 2 ))" 火车站; do
		nr --list --no-scan --search "$w" | paths >"$T/got"
		grep -rlF "$w" "$C" | sort >"$T/want"
		cmp -s "$T/got" "$T/want" || { diag "round $round: a search for $w is not grep's"; diff "$T/want" "$T/got" | head -5 | sed 's/^/# /'; fails=$((fails + 1)); break 2; }
	done
	awk -F'\t' '$2 == "read" { print $1 }' "$T/marks" | sort -u >"$T/want"
	nr --list --no-scan | paths >"$T/all"
	nr --list --no-scan --unread | paths | comm -23 "$T/all" - >"$T/got"
	cmp -s "$T/got" "$T/want" || { diag "round $round: the read articles are not the ones marked"; diff "$T/want" "$T/got" | head -5 | sed 's/^/# /'; fails=$((fails + 1)); break; }
	awk -F'\t' '$2 == "star" { print $1 }' "$T/marks" | sort -u >"$T/want"
	nr --list --no-scan --starred | paths >"$T/got"
	cmp -s "$T/got" "$T/want" || { diag "round $round: the starred articles are not the ones marked"; diff "$T/want" "$T/got" | head -5 | sed 's/^/# /'; fails=$((fails + 1)); break; }
	[ $(( $(date +%s) - start )) -ge "$SECONDS_MAX" ] && break
done
took=$(( $(date +%s) - start ))
diag "$round rounds in $took s, $(find "$C" -name '*.md' | wc -l) files at the end"
is "$fails" 0 "$round rounds of edits, renames, deletes, new files and kills: the collection agrees with the tree, grep and the marks"
ok "$([ "$round" -ge 20 ] && echo 0 || echo 1)" "at least 20 rounds ran ($round in $took s)"
if command -v sqlite3 >/dev/null 2>&1; then
	is "$(sqlite3 "$DB" 'PRAGMA integrity_check')" ok "integrity_check"
else
	skip "the sqlite3 program is not installed"
fi

done_testing

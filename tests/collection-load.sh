#!/bin/sh
# SPDX-License-Identifier: MIT
# Eight processes on one collection for NR_LOAD_SECONDS (default 60): two
# scanning while files are edited, added and removed under them, two
# listing and searching, one counting categories, three marking articles
# read, unread, starred and unstarred (each its own articles, so that the
# last mark of each is known). None may fail ("database is locked" in
# particular), and at the end every article is there once, every last
# mark holds, and the database checks out.
. "${top_srcdir:-.}/tests/lib.sh"

GEN="$top_builddir/bench/gen-corpus"
[ -x "$GEN" ] || skip_all "bench/gen-corpus is not built"
SECS=${NR_LOAD_SECONDS:-60}
C="$T/news"
DB="$T/nr.db"
"$GEN" 2000 "$C" && "$GEN" -s 9 300 "$T/pool" || skip_all "gen-corpus failed"
nr() { "$NEWSREADER" --db "$DB" "$@"; }
nr --list "$C" >/dev/null
nr --list --no-scan | awk -F'\t' '{ print $NF }' >"$T/ids"
end=$(( $(date +%s) + SECS ))

# loop NAME COMMAND...: run COMMAND until the end, counting runs and
# failures in $T/NAME.{runs,fails}, its stderr in $T/NAME.err
loop() {
	name=$1; shift
	runs=0; fails=0
	while [ "$(date +%s)" -lt "$end" ]; do
		"$@" >/dev/null 2>>"$T/$name.err" || fails=$((fails + 1))
		runs=$((runs + 1))
	done
	echo "$runs" >"$T/$name.runs"; echo "$fails" >"$T/$name.fails"
}
# The tree changes under the scans: a file edited, one added, one removed.
churn() {
	i=0
	for f in $(find "$T/pool" -name '*.md' | sort); do
		[ "$(date +%s)" -lt "$end" ] || break
		i=$((i + 1))
		g=$(find "$C" -name '*.md' | sed -n "$(( i * 37 % 1500 + 1 ))p")
		[ -n "$g" ] && printf '<p>更正 %d</p>\n' "$i" >>"$g"
		cp "$f" "$C/new-$i.md"
		[ $((i % 3)) -eq 0 ] && rm -f "$C/new-$((i - 1)).md"
		nr --list "$C" >/dev/null 2>>"$T/churn.err" || echo x >>"$T/churn.fails"
	done
}
# mark K: marks articles K, K+3, K+6... in turn; their last marks in $T/marks.K
mark() {
	k=$1; runs=0; fails=0
	ids=$(awk -v k="$k" 'NR % 3 == k && NR <= 600' "$T/ids")
	: >"$T/marks.$k"
	while [ "$(date +%s)" -lt "$end" ]; do
		for id in $ids; do
			case $(( (runs + id) % 4 )) in
			0) op=--mark-read ;; 1) op=--star ;; 2) op=--mark-unread ;; *) op=--unstar ;;
			esac
			if nr "$op" "$id" 2>>"$T/mark$k.err"; then
				echo "$id $op" >>"$T/marks.$k"
			else
				fails=$((fails + 1))
			fi
			runs=$((runs + 1))
			[ "$(date +%s)" -lt "$end" ] || break
		done
	done
	echo "$runs" >"$T/mark$k.runs"; echo "$fails" >"$T/mark$k.fails"
}

loop scan1 nr --list "$C" & p1=$!
churn & p2=$!
loop list nr --list --no-scan & p3=$!
loop search nr --list --no-scan --search 火车站 & p4=$!
loop cats nr --categories --no-scan & p5=$!
mark 0 & p6=$!
mark 1 & p7=$!
mark 2 & p8=$!
wait $p1 $p2 $p3 $p4 $p5 $p6 $p7 $p8

total=0; fails=0
for n in scan1 list search cats mark0 mark1 mark2; do
	total=$((total + $(cat "$T/$n.runs")))
	fails=$((fails + $(cat "$T/$n.fails")))
done
diag "$total commands in $SECS s by 8 processes"
is "$fails" 0 "none of $total commands failed"
is "$(cat "$T"/*.err 2>/dev/null | grep -c 'locked')" 0 "none said \"database is locked\""
# (The generated files' own faults are warned about by the scans.)
is "$(cat "$T"/*.err 2>/dev/null | grep -v "^newsreader: $C/")" "" \
	"nothing else on stderr"
ok "$([ ! -s "$T/churn.fails" ] && echo 0 || echo 1)" "every scan of the changing tree succeeded"

nr --list "$C" >"$T/list"
is "$(cut -f4 "$T/list" | sort | uniq -d | wc -l)" 0 "no article twice"
is "$(wc -l <"$T/list" | tr -d ' ')" "$(find "$C" -name '*.md' | wc -l | tr -d ' ')" \
	"every file is an article"
nr --list --no-scan --search 火车站 | cut -f4 | sort >"$T/got"
grep -rlF 火车站 "$C" | sort >"$T/want"
is_file "$T/got" "$T/want" "a search agrees with grep"
# The last mark of each article holds.
cat "$T"/marks.* | awk '{ last[$1 " " ($2 ~ /read/ ? "r" : "s")] = $2 }
	END { for (k in last) print k, last[k] }' | sort >"$T/want"
nr --list --no-scan --unread | awk -F'\t' '{ print $NF }' | sort >"$T/unread"
nr --list --no-scan --starred | awk -F'\t' '{ print $NF }' | sort >"$T/starred"
bad=0
while read -r id kind op; do
	case $kind in
	r) grep -qx "$id" "$T/unread" && st=--mark-unread || st=--mark-read ;;
	s) grep -qx "$id" "$T/starred" && st=--star || st=--unstar ;;
	esac
	[ "$st" = "$op" ] || { bad=$((bad + 1)); diag "article $id: $op last, but $st"; }
done <"$T/want"
is "$bad" 0 "every last mark of $(wc -l <"$T/want" | tr -d ' ') holds"
is "$(sqlite3 "$DB" 'PRAGMA integrity_check' 2>&1)" ok "integrity_check"

done_testing

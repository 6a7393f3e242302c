#!/bin/sh
# SPDX-License-Identifier: MIT
# Incremental scans, read/starred state across them, sources, and the
# command line of the collection (--list's id field, --json, --sort,
# the filters, --mark-*, --forget, --no-scan, --db, the sample collection).
. "${top_srcdir:-.}/tests/lib.sh"

GEN="$top_builddir/bench/gen-corpus"
[ -x "$GEN" ] || skip_all "bench/gen-corpus is not built"
C="$T/news"
"$GEN" 60 "$C" || skip_all "gen-corpus failed"
DB="$T/nr.db"
nr() { "$NEWSREADER" --db "$DB" "$@"; }
scan() { nr --list --verbose "$@" 2>&1 >/dev/null | grep '^newsreader: scanned'; }
# id PATH: the id --list gives the article at PATH
id() { nr --list --no-scan | awk -F'\t' -v p="$1" '$4 == p { print $NF }'; }
# state ID: "read starred" as --json says
state() {
	nr --list --no-scan --json | grep "\"id\":$1," |
	    sed 's/.*"read":\([a-z]*\),"starred":\([a-z]*\)}$/\1 \2/'
}

like "$(scan "$C")" "scanned 60, parsed 60, removed 0 in " "the first scan parses all"
like "$(scan "$C")" "scanned 60, parsed 0, removed 0 in " "a rescan with no change parses nothing"
like "$(scan)" "scanned 60, parsed 0, removed 0 in " "with no DIR, the remembered source is rescanned"

# --list's lines end in the id; --json has id, read, starred.
f1=$(find "$C" -name '0000001.md')
f2=$(find "$C" -name '0000002.md')
f3=$(find "$C" -name '0000003.md')
f4=$(find "$C" -name '0000004.md')
f5=$(find "$C" -name '0000005.md')
id1=$(id "$f1"); id2=$(id "$f2"); id3=$(id "$f3"); id4=$(id "$f4"); id5=$(id "$f5")
like "$id1" '^[0-9]+$' "each --list line ends in a numeric id"
is "$(nr --list --no-scan | awk -F'\t' '{ print NF }' | sort -u)" 5 \
	"a line is date, category, title, path, id"
like "$(nr --list --no-scan --json | head -1)" '"id":[0-9]+,"read":false,"starred":false}$' \
	"--json adds id, read and starred"

# State by id and by path.
nr --mark-read "$id1" "$f2" "$id3" "$id4" "$id5" && nr --star "$id1" "$f3" "$id4" "$id5"
is "$?" 0 "--mark-read and --star take ids and paths"
is "$(state "$id1")" "true true" "article 1 is read and starred"
nr --mark-unread "$id3" && nr --unstar "$f3"
is "$(state "$id3")" "false false" "--mark-unread and --unstar undo them"
is "$(nr --list --no-scan --unread | wc -l)" 56 "--unread"
is "$(nr --list --no-scan --starred | wc -l)" 3 "--starred"
is "$(nr --list --no-scan --starred --unread | wc -l)" 0 "filters combine with AND"
nr --mark-read 999999 2>"$T/err"
is "$?" 1 "an unknown id is an error"
like "$(cat "$T/err")" "newsreader: 999999: no such article" "which says so"

# touch: parsed again, same id, same state.
touch "$f1"
like "$(scan "$C")" "scanned 60, parsed 1, removed 0" "touch: one file parsed again"
is "$(id "$f1")" "$id1" "touch: same id"
is "$(state "$id1")" "true true" "touch: state kept"

# edit: new content under the same id and state.
sed -i "s/^title: .*/title: '改过的标题甲乙丙'/" "$f1"
like "$(scan "$C")" "scanned 60, parsed 1, removed 0" "edit: one file parsed again"
is "$(id "$f1")" "$id1" "edit: same id"
is "$(state "$id1")" "true true" "edit: state kept"
is "$(nr --list --no-scan --search 改过的标题 | awk -F'\t' '{ print $NF }')" "$id1" \
	"edit: the new text is searchable"

# rename within a directory, and move to another directory of the source.
mv "$f2" "$(dirname "$f2")/renamed.md"
mkdir -p "$C/elsewhere/deeper"
mv "$f4" "$C/elsewhere/deeper/moved.md"
like "$(scan "$C")" "scanned 60, parsed 2, removed 0" "rename and move: two new paths, none removed"
is "$(id "$(dirname "$f2")/renamed.md")" "$id2" "rename: same id"
is "$(state "$id2")" "true false" "rename: state kept"
is "$(id "$C/elsewhere/deeper/moved.md")" "$id4" "move: same id"
is "$(state "$id4")" "true true" "move: state kept"
is "$(id "$f2")" "" "the old path is gone"

# A moved file that was also edited is a new article (and the old one goes).
mv "$f5" "$C/elsewhere/edited.md"
echo '<p>追加的一段</p>' >>"$C/elsewhere/edited.md"
like "$(scan "$C")" "scanned 60, parsed 1, removed 1" "move+edit: one new, one removed"
is "$(state "$(id "$C/elsewhere/edited.md")")" "false false" "move+edit: a new article"

# delete
rm "$f3"
like "$(scan "$C")" "scanned 59, parsed 0, removed 1" "delete: removed"
is "$(id "$f3")" "" "delete: gone from --list"
is "$(nr --list --no-scan | wc -l)" 59 "59 articles"
is "$(nr --categories --no-scan | awk -F'\t' '$1 !~ "/" { s += $2 } END { print s }')" 59 \
	"the root categories sum to the article count"

# --no-scan shows the collection as it is.
cp "$f1" "$C/new-one.md"
is "$(nr --list --no-scan | wc -l)" 59 "--no-scan: a new file is not seen"
is "$(nr --list | wc -l)" 60 "without it, it is"

# --sort and --reverse.
nr --list --no-scan --sort path | cut -f4 >"$T/paths"
LC_ALL=C sort "$T/paths" >"$T/paths.sorted"
is_file "$T/paths" "$T/paths.sorted" "--sort path"
nr --list --no-scan --sort path --reverse | cut -f4 >"$T/paths.r"
LC_ALL=C sort -r "$T/paths" >"$T/paths.rsorted"
is_file "$T/paths.r" "$T/paths.rsorted" "--sort path --reverse"
nr --list --no-scan --sort title | cut -f3 >"$T/titles"
LC_ALL=C sort "$T/titles" >"$T/titles.sorted"
is_file "$T/titles" "$T/titles.sorted" "--sort title, by code point"
nr --list --no-scan | cut -f1 >"$T/dates"
sort -r "$T/dates" >"$T/dates.sorted"
is_file "$T/dates" "$T/dates.sorted" "newest first by default"
nr --list --no-scan --reverse | cut -f1 >"$T/dates.r"
sort "$T/dates" >"$T/dates.asc"
is_file "$T/dates.r" "$T/dates.asc" "--reverse: oldest first"
nr --list --no-scan --sort bogus 2>/dev/null
is "$?" 2 "an unknown sort key is a usage error"
nr --list --no-scan --sort rank 2>/dev/null
is "$?" 2 "--sort rank needs --search"

# --tag and --author against the front matter.
want=$(grep -rl '^tags: .*经济' "$C" | wc -l)
is "$(nr --list --no-scan --tag 经济 | wc -l)" "$want" "--tag"
want=$(grep -rlx 'author: 央视网' "$C" | wc -l)
is "$(nr --list --no-scan --author 央视网 | wc -l)" "$want" "--author"

# Sources: a run with DIRs shows those only; --forget removes one.
D2="$T/other"
"$GEN" -s 7 5 "$D2"
is "$(nr --list "$D2" | wc -l)" 5 "--list DIR shows only that source"
is "$(nr --list | wc -l)" 65 "with no DIR, every remembered source"
is "$(nr --categories "$D2" | awk -F'\t' '$1 !~ "/" { s += $2 } END { print s }')" 5 \
	"--categories DIR counts that source only"
one=$(find "$D2" -name '*.md' | head -1)
is "$(nr --list "$one" | wc -l)" 1 "a FILE operand is a source of one"
nr --forget "$D2"
is "$?" 0 "--forget DIR"
is "$(nr --list --no-scan | wc -l)" 61 "its articles are gone but for the file source"
nr --forget "$one"
is "$(nr --list --no-scan | wc -l)" 60 "forget the file source too"
nr --forget "$D2" 2>"$T/err"
is "$?" 1 "forgetting an unknown source is an error"
like "$(cat "$T/err")" "not a remembered source" "which says so"
nr --list "$T/missing" 2>"$T/err"
is "$?" 1 "a DIR that does not exist is an error"
like "$(cat "$T/err")" "missing: No such file or directory" "which names it"

# The default database lives under XDG_DATA_HOME; with no sources at all,
# the bundled sample collection is shown.
nsample=$(find "$top_srcdir/data" -type f -name '*.md' | wc -l)
is "$("$NEWSREADER" --list | wc -l)" "$nsample" "no sources: the sample collection"
ok "$([ -f "$XDG_DATA_HOME/newsreader/newsreader.db" ] && echo 0 || echo 1)" \
	"the database is in \$XDG_DATA_HOME/newsreader/"
# Without XDG_DATA_HOME, under ~/.local/share.
mkdir -p "$T/home"
n=$(env -u XDG_DATA_HOME HOME="$T/home" "$NEWSREADER" --list | wc -l)
is "$n" "$nsample" "without XDG_DATA_HOME: the sample collection too"
ok "$([ -f "$T/home/.local/share/newsreader/newsreader.db" ] && echo 0 || echo 1)" \
	"the database is in ~/.local/share/newsreader/"
is "$("$NEWSREADER" --list "$D2" | wc -l)" 5 "a source of one's own..."
is "$("$NEWSREADER" --list | wc -l)" 5 "...replaces the sample"

# Named on the command line, the sample's directory is the user's own: a
# later run of every source keeps it, and its state.
data=$(cd "$top_srcdir/data" && pwd -P)
is "$("$NEWSREADER" --list "$D2" "$data" | wc -l)" $((5 + nsample)) \
	"the sample's directory named beside another source"
first=$("$NEWSREADER" --list --no-scan --sort path | awk -F'\t' -v d="$data/" \
	'index($4, d) == 1 { print $NF; exit }')
"$NEWSREADER" --mark-read "$first"
is "$("$NEWSREADER" --list | wc -l)" $((5 + nsample)) \
	"is kept when every source is listed again"
is "$("$NEWSREADER" --list --no-scan --json | grep -c "\"id\":$first,\"read\":true")" 1 \
	"with its read state"

done_testing

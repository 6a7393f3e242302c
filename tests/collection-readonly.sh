#!/bin/sh
# SPDX-License-Identifier: MIT
# A collection another user owns, in a folder they may not write (a shared
# archive read by many): run as nobody against one built by root, --list
# --no-scan, --list --search, --categories and --list --json work, print
# what the owner sees, say "read-only" once on stderr, and leave every
# file as it was; a plain --list does not scan (a new file stays unseen);
# --mark-read fails saying so. The TUI shows "read-only" in its status
# line, and r, s and A answer that the collection is read-only and change
# nothing, on screen or on disk.
. "${top_srcdir:-.}/tests/tui/lib.sh"

[ "$(id -u)" = 0 ] || need "not root: the test runs commands as nobody (runuser)"
RUNUSER=$(command -v runuser) || need "runuser is not installed"
id nobody >/dev/null 2>&1 || need "there is no user nobody"

# nobody must reach the program and the test's files.
chmod 755 "$T" "$HOME"
"$RUNUSER" -u nobody -- test -x "$NEWSREADER" ||
    need "nobody cannot run $NEWSREADER"

mkdir -p "$T/news" "$T/archive"
cp "$top_srcdir"/data/*.md "$T/news/"
NEWS=$(cd "$T/news" && pwd -P)
DB="$T/archive/nr.db"
nr() { "$NEWSREADER" --db "$DB" "$@"; }
# ro ARG...: newsreader as nobody; stdout to $T/out, stderr to $T/err.
ro() {
	"$RUNUSER" -u nobody -- env HOME="$HOME" XDG_CONFIG_HOME="$T/none" \
	    XDG_DATA_HOME="$T/none" "$NEWSREADER" --db "$DB" "$@" \
	    >"$T/out" 2>"$T/err"
}

# Built by root, with some state: the seed read, another starred.
nr --list "$NEWS" >/dev/null
SEED="$NEWS/000_bbf8aa7d2cb0c58b.md"
nr --mark-read "$SEED" && nr --star "$NEWS/002_gdp_table.md"
nr --list --no-scan >"$T/want-list"
nr --list --no-scan --search 冷链 >"$T/want-search"
nr --categories --no-scan >"$T/want-categories"
nr --list --no-scan --json >"$T/want-json"
[ -s "$T/want-search" ] || diag "the search finds nothing: a weak test"
chmod 755 "$T/archive"
chmod 644 "$T/archive"/*
# What is on disk, to see that nothing is written.
sums() { (cd "$T/archive" && ls -l --time-style=+%s.%N . && md5sum ./*); }
sums >"$T/before"

check() {	# check NAME WANT-FILE ARG...
	name=$1 want=$2
	shift 2
	ro "$@"
	ok $? "$name: exits 0"
	is_file "$T/out" "$want" "$name: prints what the owner sees"
	is "$(grep -c 'read-only' "$T/err")" 1 "$name: says read-only once"
}
check "--list --no-scan" "$T/want-list" --list --no-scan
like "$(cat "$T/err")" "^newsreader: $DB is read-only \($T/archive cannot be written\)" \
    "and why, naming the folder"
check "--list --search" "$T/want-search" --list --search 冷链
check "--categories" "$T/want-categories" --categories
check "--list --json" "$T/want-json" --list --json
like "$(grep -F "\"path\":\"$SEED\"" "$T/out")" '"read":true,"starred":false}$' \
    "the owner's state shows"

# Without --no-scan: no scan, so a new file is not seen, and no error.
printf -- '---\ntitle: 新来的\ndate: 2024-05-01\n---\n\n正文。\n' >"$T/news/new.md"
check "--list" "$T/want-list" --list
check "--list DIR" "$T/want-list" --list "$NEWS"
ro --mark-read 1
is $? 1 "--mark-read fails"
like "$(cat "$T/err")" "read-only" "saying the collection is read-only"

# The TUI, as nobody, in tmux.
REAL=$NEWSREADER
NEWSREADER=$RUNUSER
tui_start 100 30 -- -u nobody -- "$REAL" --db "$DB" --category 新媒体
tui_wait '大连：初步查明'
like "$(tail -1 "$TUI_SCREEN")" 'read-only' "the status line says read-only"
row() { grep -F '大连：初步查明' "$TUI_SCREEN" | head -1; }
before=$(row)
like "$before" '│ +2021-12-03 大连' "the seed's row: read, not starred"
for key in r s A; do
	tui_keys "$key"
	tui_wait 'The collection is read-only'
	ok $? "$key answers that the collection is read-only"
	is "$(row)" "$before" "$key leaves the row as it was"
	tui_keys j k	# the message goes with the next key
	tui_wait_gone 'The collection is read-only'
done
# The first row, unread: reading it leaves it unread.
tui_keys g
tui_wait '│●  2023-11-02 社区图书馆'
tui_keys Enter
tui_wait '│ 社区图书馆夜间开放，年轻人下班后有了新去处$'
tui_keys r
tui_wait 'The collection is read-only'
ok $? "r in the reader answers too"
tui_keys q
tui_wait '│●  2023-11-02 社区图书馆'
ok $? "the article read is still unread"
tui_keys Q
is "$(tui_wait_exit)" 0 "Q quits"
NEWSREADER=$REAL

sums >"$T/after"
is_file "$T/after" "$T/before" "nothing in the archive's folder changed"
nr --list --no-scan --json >"$T/json-after"
is_file "$T/json-after" "$T/want-json" "nor any article's state"

done_testing

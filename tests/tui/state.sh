#!/bin/sh
# SPDX-License-Identifier: MIT
# Read and starred state from the screen: written at once, kept across
# runs and across a hang-up (SIGHUP), as --list --json reports it; r, s,
# U and A (after its question); the category column of a parent's list.
. "${top_srcdir:-.}/tests/tui/lib.sh"

DATA=$(cd "$top_srcdir/data" && pwd -P)	# as the collection stores it
SEED="$DATA/000_bbf8aa7d2cb0c58b.md"

# The state of the article at path FILE, as --list --json says: "read
# starred", e.g. "true false".
state() {
	"$NEWSREADER" --list --json --no-scan "$DATA" |
	    grep -F "\"path\":\"$1\"" |
	    sed 's/.*"read":\([a-z]*\),"starred":\([a-z]*\)}.*/\1 \2/'
}

# 100 columns: the list is wide enough for the category column.
tui_start 100 30 -- --category 新媒体 "$DATA"
tui_wait ' 1/7$'
like "$(sed -n 2p "$TUI_SCREEN")" '社区图书馆夜间开放，年轻人下班后有了新去处 +社区$' \
    "a parent's list shows each row's category below it"
like "$(cat "$TUI_SCREEN")" '疫情冷链企业违法犯罪 +趣头条/分类$' "a deeper one"
like "$(cat "$TUI_SCREEN")" '十度以上$' "and none for the category itself"
is "$(state "$SEED")" "false false" "the seed starts unread"
tui_keys G Enter
tui_wait '│ 大连：初步查明'
is "$(state "$SEED")" "true false" "opening it marks it read at once"
tui_keys s
tui_wait '│ 大连：初步查明'
starred() { [ "$(state "$SEED")" = "true true" ]; }
tui_until starred
is "$(state "$SEED")" "true true" "s stars it at once"
tui_keys q
tui_wait '★ 2021-12-03 大连：初步查明'
ok $? "the list shows it starred and read"
tui_wait '^ ★ Starred +0/1 '
ok $? "the tree counts it starred"
tui_keys r
tui_wait '●★ 2021-12-03 大连：初步查明'
is "$(state "$SEED")" "false true" "r marks it unread again"
tui_keys r
tui_wait ' ★ 2021-12-03 大连：初步查明'
tui_keys Q
is "$(tui_wait_exit)" 0 "Q quits"
is "$(state "$SEED")" "true true" "the state is in the collection"

tui_start 100 30 -- --category 新媒体 "$DATA"
tui_wait ' ★ 2021-12-03 大连：初步查明'
ok $? "a new run shows it read and starred"
like "$(sed -n 11p "$TUI_SCREEN")" '新媒体 +6/7 ' "and the tree's count kept"

# U: unread articles only, for every view.
tui_keys U
tui_wait '^ 新媒体 \(6\) · 未读 / unread only'
ok $? "U shows unread articles only"
is "$(grep -c '大连：初步查明' "$TUI_SCREEN")" 0 "the seed is not listed"
tui_keys U
tui_wait '^ 新媒体 \(7\) +newsreader'
ok $? "U again shows them all"

# A asks first; n keeps everything, y marks the whole category read.
tui_keys A
tui_wait 'Mark every article of 新媒体 read \(7\)\? \(y/n\)'
ok $? "A asks before marking"
tui_keys n
tui_wait_gone 'Mark every article'
like "$(sed -n 11p "$TUI_SCREEN")" '新媒体 +6/7 ' "n leaves them unread"
tui_keys A
tui_wait 'Mark every article'
tui_keys y
tui_wait 'Marked 6 articles read'
ok $? "y marks the six unread ones"
like "$(sed -n 11p "$TUI_SCREEN")" '新媒体 +0/7 ' "the tree counts none unread"
is "$("$NEWSREADER" --categories --no-scan "$DATA" | grep '^新媒体	')" "新媒体	7	0" \
    "--categories agrees"
like "$(sed -n 2p "$TUI_SCREEN")" '^ ▾ Technology|全部 / All +6/13 ' \
    "the other categories keep their unread articles"
tui_stop

# A hang-up (SSH gone) while reading: what was read is written.
"$NEWSREADER" --mark-unread "$SEED"
is "$(state "$SEED")" "false true" "the seed unread again"
tui_start 80 24 -- --category 新媒体 "$DATA"
tui_wait ' 1/7$'
tui_keys G Enter
tui_wait '│ 大连：初步查明'
tui_keys 5 j
tui_wait_gone '│ 大连：初步查明'
kill -s HUP "$(tui_pid)"
is "$(tui_wait_exit)" 0 "SIGHUP while reading: an orderly exit"
is "$(state "$SEED")" "true true" "and the article read is written"

# Another source beside data/ (which, run from the build tree, is also
# the bundled sample): data/'s state stays.
mkdir -p "$T/more"
printf -- '---\ntitle: 另一篇\ndate: 2001-01-01\n---\n<p>正文。</p>\n' >"$T/more/a.md"
tui_start 80 24 -- "$T/more" "$DATA"
tui_wait ' 1/23$'
tui_stop
is "$(state "$SEED")" "true true" "adding a source keeps the others' state"

done_testing

#!/bin/sh
# SPDX-License-Identifier: MIT
# Searching: "/" in the tree or the list searches the collection (a
# "搜索: ..." view with the count --list --search gives); "/" in the
# reader searches the article as less does: matches highlighted, n and N
# step, q clears it. --search opens such a view.
. "${top_srcdir:-.}/tests/tui/lib.sh"

DATA=$(cd "$top_srcdir/data" && pwd -P)
esc=$(printf '\033')

tui_start 80 24 -- "$DATA"
tui_wait ' 1/22$'
want=$("$NEWSREADER" --list --no-scan --search 大连 | wc -l | tr -d ' ')
is "$want" 5 "--list --search 大连 finds five"
tui_keys /
tui_wait '搜索 / Search:'
tui_type '大连'
tui_keys Enter
tui_wait "^ 搜索: 大连 \\($want\\) +newsreader"
ok $? "a 2-character Chinese word: the view and its count"
# The status line's position is drawn last: wait for it, so that the
# checks below read the whole new screen, not one half sent (under load
# the terminal may show the title before the rest arrives).
tui_wait " 1/$want\$" >/dev/null
like "$(sed -n 5p "$TUI_SCREEN")" "^ 搜索: 大连 +$want +│" \
    "the tree has a row for the search"
is "$(tail -1 "$TUI_SCREEN" | sed 's/.* //')" "1/$want" "the list is focused on the results"
is "$(grep -c '│●  20' "$TUI_SCREEN")" "$want" "every result is listed"
tui_keys /
tui_wait '搜索 / Search:'
tui_type '冬季'
tui_keys Enter
tui_wait '^ 搜索: 冬季 \(2\)'
ok $? "a search from the list replaces it"
tui_keys q
tui_wait '^ 搜索: 冬季 \(2\) +newsreader'
tui_keys g
tui_wait '^ 全部 / All \(13\)'
ok $? "and going back to the tree reaches the other views"
tui_stop

tui_start 80 24 -- --search 港口 "$DATA"
tui_wait '^ 搜索: 港口 \(2\)'
ok $? "--search opens the search view"
tui_stop

tui_start 80 24 -- --tag 经济 "$DATA"
tui_wait "^ 标签: 经济 \\($("$NEWSREADER" --list --no-scan --tag 经济 | wc -l | tr -d ' ')\\)"
ok $? "--tag opens the tag's view, counted as --list --tag counts"
like "$(tail -1 "$TUI_SCREEN")" ' 1/1$' "with the list focused"
tui_stop

tui_start 80 24 -- --author 新华社 --category 体育 "$DATA"
tui_wait '^ 体育 · 作者: 新华社 \(1\)'
ok $? "--author with --category: one view of both"
tui_stop

# --unread: the unread view; the articles read earlier are not in it.
tui_start 80 24 -- --unread "$DATA"
tui_wait "^ 未读 / Unread \\($("$NEWSREADER" --list --no-scan --unread | wc -l | tr -d ' ')\\)"
ok $? "--unread opens the unread view"
tui_stop

# In the article: the seed holds 疫情 many times.
tui_start 80 24 -- --category 分类 "$DATA"
tui_wait 'nearest: 新媒体/趣头条/分类'
ok $? "a category not known by its whole path names the nearest"
tui_stop
tui_start 80 24 -- --category 新媒体/趣头条/分类 "$DATA"
tui_wait ' 1/2$'
tui_keys j Enter
tui_wait '│ 大连：初步查明'
tui_keys /
tui_wait '^/'
tui_type '疫情'
tui_keys Enter
tui_wait_gone '^/'
tui_capture -e >"$T/styled"
is "$(grep -o "$esc\[30m$esc\[43m疫情" "$T/styled" | wc -l | tr -d ' ')" 8 \
    "matches are highlighted (black on yellow)"
is "$(grep -o "7m$esc\[30m$esc\[43m疫情" "$T/styled" | wc -l | tr -d ' ')" 1 \
    "the current one in reverse too"
hits=$(grep -o '疫情' "$T/styled" | wc -l)
ok $([ "$hits" -ge 5 ] && echo 0 || echo 1) "every match on screen ($hits)"
tui_capture >"$T/before"
tui_keys 9 n
tui_wait_gone "$(sed -n 2p "$T/before" | sed 's/.*│ //')"
ok $? "n steps from match to match, scrolling to them"
tui_keys q
tui_settle
tui_capture -e >"$T/styled"
is "$(grep -c "$esc\[30m$esc\[43m" "$T/styled")" 0 "q clears the search"
tui_keys n
tui_wait 'No later unread article'
ok $? "then n is the next unread article again"
tui_keys /
tui_type '没有这个词'
tui_keys Enter
tui_wait 'Not found: 没有这个词'
ok $? "a word not in the article says so"
tui_stop

done_testing

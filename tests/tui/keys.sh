#!/bin/sh
# Key handling that needs no articles: counts, top and bottom, arrows,
# Ctrl-L, q at the top level, Q from anywhere.
. "${top_srcdir:-.}/tests/tui/lib.sh"

tui_start 80 24
tui_wait '全部 / All'
tui_keys 2
tui_wait ' 2 +1/3$'
ok $? "a count being typed shows in the status line"
tui_keys j
tui_wait ' 3/3$'
ok $? "2j moves two rows"
tui_wait_gone ' 2 +'
ok $? "and the count is gone"
tui_keys g
tui_wait ' 1/3$'
ok $? "g goes to the top"
tui_keys End
tui_wait ' 3/3$'
ok $? "End goes to the bottom"
tui_keys Up
tui_wait '^ 未读 / Unread +newsreader'
ok $? "the arrows work"
tui_keys C-l
tui_settle
like "$(cat "$TUI_SCREEN")" '未读 / Unread' "C-l draws the same screen again"
tui_keys '?'
tui_wait 'Everywhere'
tui_keys Q
is "$(tui_wait_exit)" 0 "Q quits from the help screen"

tui_start 80 24
tui_wait '全部 / All'
tui_keys Tab
tui_wait_gone ' 1/3$'
tui_keys q
tui_wait ' 1/3$'
ok $? "q in the list backs out to the tree"
tui_keys q
is "$(tui_wait_exit)" 0 "q at the top level quits"

done_testing

#!/bin/sh
# SPDX-License-Identifier: MIT
# Key handling on the sample collection: counts, top and bottom, arrows,
# Ctrl-L, folding, q at the top level, Q from anywhere.
. "${top_srcdir:-.}/tests/tui/lib.sh"

tui_start 80 24
tui_wait ' 1/22$'
ok $? "the tree fills once the background scan is done: 3 views, 19 categories"
tui_keys 2
tui_wait ' 2 +1/22$'
ok $? "a count being typed shows in the status line"
tui_keys j
tui_wait ' 3/22$'
ok $? "2j moves two rows"
tui_wait_gone ' 2 +'
ok $? "and the count is gone"
like "$(sed -n 1p "$TUI_SCREEN")" '^ ★ Starred \(0\) ' \
    "the title bar names the selected view and its count"
tui_keys g
tui_wait ' 1/22$'
ok $? "g goes to the top"
tui_keys End
tui_wait ' 22/22$'
ok $? "End goes to the bottom"
tui_keys Up
tui_wait '^ 财经 \(1\) +newsreader'
ok $? "the arrows work, and the list follows the tree"
tui_keys C-l
tui_settle
like "$(cat "$TUI_SCREEN")" '财经/宏观|一季度主要城市经济数据' "C-l draws the same screen again"

# Folding: Space folds 财经 (its child goes), and unfolds it again.
tui_keys Space
tui_wait ' 21/21$'
like "$(sed -n 22p "$TUI_SCREEN")" '^ ▸ 财经 ' "Space folds a category"
tui_keys Space
tui_wait ' 21/22$'
like "$(cat "$TUI_SCREEN")" '     宏观 ' "and unfolds it"
tui_keys '?'
tui_wait 'Everywhere'
tui_keys Q
is "$(tui_wait_exit)" 0 "Q quits from the help screen"

tui_start 80 24
tui_wait ' 1/22$'
tui_keys Tab
tui_wait ' 1/13$'
ok $? "Tab focuses the list: 1 of 13 articles"
tui_keys n
tui_wait ' 2/13$'
ok $? "n in the list goes to the next unread article"
tui_keys q
tui_wait ' 1/22$'
ok $? "q in the list backs out to the tree"
tui_keys q
is "$(tui_wait_exit)" 0 "q at the top level quits"

done_testing

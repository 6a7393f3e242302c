#!/bin/sh
# SPDX-License-Identifier: MIT
# The layout's width rules at the issue's sizes, the rules between panes
# lined up under Chinese text, resizing, and the too-small screen.
. "${top_srcdir:-.}/tests/tui/lib.sh"

# 132 x 40: three panes side by side.
tui_start 132 40
tui_wait ' 1/22$'
tui_expect layout-132x40 "132x40 shows tree, list and reader"
tui_column '│' | sort -u >"$T/cols"
is "$(sed -n '2,4p' "$TUI_SCREEN" | "$top_builddir/tests/tui/nr-width" -c '│' | sort -u | tr '\n' ' ')" \
    "22 " "the rule after the Chinese names sits at one column"
tui_stop

# 80 x 24: tree and the right side.
tui_start 80 24
tui_wait ' 1/22$'
tui_expect layout-80x24 "80x24 shows the tree and the list"
tui_keys Tab
tui_wait ' 1/13$'
like "$(cat "$TUI_SCREEN")" '│●  2024-04-23 一季度主要城市经济数据出炉' "Tab focuses the list"
tui_stop

# 50 x 20: one pane; Tab moves to the list, which then fills the screen.
tui_start 50 20
tui_wait ' 1/22$'
tui_expect layout-50x20 "50x20 shows one pane"
tui_keys Tab
tui_wait_gone '未读 / Unread'
like "$(cat "$TUI_SCREEN")" '^●  2024-04-23 一季度主要城市经济' "Tab shows the list alone"
tui_keys Enter
tui_wait '^ 一季度主要城市经济数据出炉'
ok $? "Enter shows the reader alone"
# 50 columns: the text is 48 wide from column 1, as --dump --width 48.
tui_settle
"$NEWSREADER" --dump --width 48 "$top_srcdir/data/002_gdp_table.md" | head -18 |
    sed 's/ *$//' >"$T/want"
tui_pane 1 >"$T/shown"
is_file "$T/shown" "$T/want" "at 50x20 the reader shows --dump --width 48's lines"
tui_keys q
tui_wait '^   2024-04-23'
ok $? "q in the reader goes back to the list, the article now read"
tui_keys q
tui_wait '未读 / Unread'
ok $? "q in the list goes back to the tree"
tui_stop

# Resizing: 132 -> 60 -> 100 -> 15x5 (too small) -> 100.
tui_start 132 40
tui_wait ' 1/22$'
tui_resize 60 20
tui_wait_gone 'No article open'
like "$(cat "$TUI_SCREEN")" '│   2024-04-23 一季度' "at 60 columns the reader gives way"
tui_resize 15 5
tui_wait 'too small'
tui_expect small-15x5 "a tiny terminal says it is too small"
tui_keys j
tui_resize 100 30
tui_wait '│   2024-04-23 一季度'
ok $? "growing again brings the panes back"
tui_expect layout-100x30 "100x30 after being too small"
tui_stop

done_testing

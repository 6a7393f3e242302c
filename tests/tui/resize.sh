#!/bin/sh
# SPDX-License-Identifier: MIT
# Resizing while reading: 132 -> 60 -> 100 columns. At every width the
# reader shows --dump's lines at its width, and the text that was at the
# top stays at the top (the top line's anchor, not its line number).
. "${top_srcdir:-.}/tests/tui/lib.sh"

DATA=$(cd "$top_srcdir/data" && pwd -P)
SEED="$DATA/000_bbf8aa7d2cb0c58b.md"

# pane_vs_dump TEXTCOL: the settled screen's reader rows from TEXTCOL
# into $T/pane, and the run of $T/dump's lines that starts with its top
# row into $T/want.
pane_vs_dump() {
	tui_settle
	tui_pane "$1" >"$T/pane"
	first=$(head -1 "$T/pane")
	k=$(grep -n -F -x -- "$first" "$T/dump" | head -1 | cut -d: -f1)
	n=$(wc -l <"$T/pane")
	sed -n "${k:-1},$(( ${k:-1} + n - 1 ))p" "$T/dump" >"$T/want"
}

# pane_is_dump TEXTCOL: pane_vs_dump, and the two agree.
pane_is_dump() {
	pane_vs_dump "$1" && cmp -s "$T/pane" "$T/want"
}

# check_width COLS TEXTCOL WIDTH NAME: the reader's rows are a run of
# --dump --width WIDTH's lines. The title bar reads the same at every
# width, so a settled screen may still be the one before the resize
# (under load the redraw can come later than settling's 0.1 s): look
# again, for up to TUI_TIMEOUT seconds, before judging.
check_width() {
	"$NEWSREADER" --dump --width "$3" "$SEED" | sed 's/ *$//' >"$T/dump"
	tui_until pane_is_dump "$2"
	is_file "$T/pane" "$T/want" "$4: the reader shows --dump --width $3's lines"
}

# The text of the top two rows, without the indent.
top_text() {
	head -2 "$T/pane" | tr -d '\n' | sed 's/^　*//'
}

tui_start 132 40 -- --category 新媒体 "$DATA"
tui_wait ' 1/7$'
tui_keys G Enter
tui_wait '│ 大连：初步查明'
tui_keys 1 5 j
tui_wait_gone '│ 大连：初步查明'
# Three panes: tree 22, list 43, reader 65 from column 67, text 63 wide.
check_width 132 68 63 "132 columns"
# The first three characters at the top (sed counts characters in UTF-8).
anchor=$(head -1 "$T/pane" | sed 's/^　*//; s/^\(...\).*/\1/')
like "$anchor" '.' "the top line at 132 columns has text ($anchor)"

tui_resize 60 40
tui_wait '^ 新媒体 \(7\) +newsreader'
# The tree 16, the reader 43 from column 17, text 41 wide.
check_width 60 18 41 "60 columns"
like "$(top_text)" "$anchor" "at 60 columns the same text is at the top"

tui_resize 100 40
tui_wait '^ 新媒体 \(7\) +newsreader'
check_width 100 27 72 "100 columns"
like "$(top_text)" "$anchor" "at 100 columns too"

tui_keys j k
tui_resize 132 40
tui_wait '社区图书馆'
check_width 132 68 63 "back at 132"
like "$(top_text)" "$anchor" "and at 132 columns again"
tui_stop

done_testing

#!/bin/sh
# SPDX-License-Identifier: MIT
# Terminal and locale fallbacks: unknown TERM, TERM=dumb, no terminal,
# LANG unset, NO_COLOR, and orderly exits on signals.
. "${top_srcdir:-.}/tests/tui/lib.sh"

base="HOME=$HOME XDG_CONFIG_HOME=$XDG_CONFIG_HOME XDG_DATA_HOME=$XDG_DATA_HOME PATH=/usr/bin:/bin"

# Not a terminal: a clear error that suggests the plain outputs.
err=$("$NEWSREADER" 2>&1 >"$T/out" </dev/null); st=$?
is "$st" 1 "stdout not a terminal exits 1"
like "$err" 'not a terminal; use --list or --dump' "and suggests --list/--dump"

# TERM=dumb, inside a real terminal.
TUI_ENV="$base TERM=dumb LANG=C.UTF-8"
tui_start 132 24
is "$(tui_wait_exit)" 1 "TERM=dumb exits 1"
like "$(tui_history)" "TERM=dumb cannot show the full-screen interface; use --list or --dump" "and says why"
tmx kill-session -t nr

# An unknown TERM falls back, with a warning.
TUI_ENV="$base TERM=no-such-terminal LANG=C.UTF-8"
tui_start 80 24
tui_wait "unknown terminal type 'no-such-terminal'; using xterm-256color"
ok $? "an unknown TERM falls back to xterm-256color with a warning"
tui_stop

# ... and to vt100 when xterm-256color cannot be used: a description of
# that name without cursor addressing, found first (TERMINFO).
mkdir -p "$T/terminfo"
printf 'xterm-256color|cannot address the cursor,\n\tcols#80, lines#24,\n' |
    tic -o "$T/terminfo" - 2>/dev/null
TUI_ENV="$base TERM=no-such-terminal LANG=C.UTF-8 TERMINFO=$T/terminfo"
tui_start 80 24
tui_wait "unknown terminal type 'no-such-terminal'; using vt100"
ok $? "then to vt100, with a warning"
tui_wait ' 1/22'
ok $? "and the screen is drawn"
# vt100 has no colours: bold and reverse only, as with NO_COLOR.
tui_capture -e >"$T/vt100"
grep -Eq "$(printf '\033')\[([0-9;]*;)?([34][0-8]|9[0-7]|10[0-7])[;m]" "$T/vt100"
is "$?" 1 "a terminal without colours gets none"
grep -q "$(printf '\033')\[[0-9;]*7m" "$T/vt100"
ok $? "and the selection in reverse video"
tui_stop

# LANG unset (as over SSH): C.UTF-8 is used, and the status line says so.
TUI_ENV="$base TERM=tmux-256color"
tui_start 80 24
tui_wait 'LANG is not set; using C.UTF-8'
ok $? "LANG unset: a warning in the status line"
tui_wait ' 1/22$'
tui_expect lang-unset "LANG unset: Chinese still draws"
tui_keys Tab G Enter
tui_wait '│ 程序员手记：用三行命令找出磁盘上的大文件'
tui_settle
"$NEWSREADER" --dump --width 57 "$top_srcdir/data/012_code_and_quote.md" |
    head -22 | sed 's/ *$//' >"$T/want"
tui_pane 22 >"$T/shown"
is_file "$T/shown" "$T/want" "LANG unset: the reader's lines are --dump's, aligned"
tui_stop

# A LANG that is not UTF-8 is named.
TUI_ENV="$base TERM=tmux-256color LANG=C"
tui_start 80 24
tui_wait 'LANG=C is not a UTF-8 locale; using C.UTF-8'
ok $? "LANG=C: the warning names it"
tui_stop

# Colour by default; NO_COLOR: bold and reverse only.
TUI_ENV="$base TERM=tmux-256color LANG=C.UTF-8"
tui_start 80 24
tui_wait ' 1/22$'
tui_capture -e >"$T/color"
grep -q "$(printf '\033')\[[0-9;]*4[0-7]m" "$T/color"
ok $? "the selection has a background colour"
# Unread rows of the list are bold; one marked read (r, then j away
# from it) is not. The list is right of the rule.
tui_keys Tab r j
tui_wait '^ 未读 / Unread +12 '
tui_capture -e >"$T/color"
list_part() { sed -n "${1}p" "$T/color" | sed 's/^.*│//'; }
bold="$(printf '\033')\\[([0-9;]*;)?1m"
list_part 4 | grep -Eq "$bold"
ok $? "an unread row is bold"
list_part 2 | grep -q '2024-04-23'
ok $? "the read row is the first"
list_part 2 | grep -Eq "$bold"
is "$?" 1 "and is not bold"
tui_stop
TUI_ENV="$base TERM=tmux-256color LANG=C.UTF-8 NO_COLOR=1"
tui_start 80 24
tui_wait ' 1/22$'
tui_capture -e >"$T/mono"
grep -Eq "$(printf '\033')\[([0-9;]*;)?([34][0-8]|9[0-7]|10[0-7])[;m]" "$T/mono"
is "$?" 1 "NO_COLOR: no colour at all"
grep -q "$(printf '\033')\[7m" "$T/mono"
ok $? "NO_COLOR: the selection is reverse video"
tui_keys Tab Enter /
tui_type '经济'
tui_keys Enter
tui_wait_gone '^/'
tui_capture -e >"$T/mono"
grep -Eq "$(printf '\033')\[([0-9;]*;)?([34][0-8]|9[0-7]|10[0-7])[;m]" "$T/mono"
is "$?" 1 "NO_COLOR: the reader and its search highlight have no colour"
grep -q "$(printf '\033')\[[0-9;]*7m经济" "$T/mono"
ok $? "NO_COLOR: a match is reverse video"
tui_stop

# A title full of escape sequences (clear screen, colours, OSC 52 to set
# the clipboard, a C1 CSI) draws as plain text, in the list, the reader
# and the title bar; its category's OSC 8 hyperlink as its text.
TUI_ENV="$base TERM=tmux-256color LANG=C.UTF-8"
tui_start 80 24 -- --db "$T/esc.db" \
    "$top_srcdir/tests/fixtures/bad/escape-sequences-in-title.md"
tui_wait ' 1/4$'
like "$(sed -n 5p "$TUI_SCREEN")" '^   link +1/1 ' "the category's name is its text"
tui_keys Tab Enter
tui_wait '│ red alert'
tui_capture -e >"$T/esc"
tui_capture >"$T/plain"
is "$(grep -c 'red alert' "$T/plain")" 1 "the title draws as plain text"
is "$(grep -Ec '\[2J|\[31m|52;c|1;1H|cm0gLXJm' "$T/plain")" 0 \
    "no piece of a sequence shows"
grep -q "$(printf '\033')\[31m" "$T/esc"
is "$?" 1 "nothing turned red"
is "$(tmx show-buffer 2>/dev/null)" "" "nothing reached the clipboard"
like "$(sed -n 2p "$T/plain")" '全部 / All' "and the screen was not cleared"
tui_stop

# Signals end it in order, with the terminal given back.
TUI_ENV="$base TERM=tmux-256color LANG=C.UTF-8"
for sig in TERM HUP INT; do
	tui_start 80 24
	tui_wait ' 1/22$'
	kill -s "$sig" "$(tui_pid)"
	is "$(tui_wait_exit)" 0 "SIG$sig: an orderly exit"
	tmx kill-session -t nr
done

done_testing

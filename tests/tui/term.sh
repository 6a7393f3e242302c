#!/bin/sh
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

# LANG unset (as over SSH): C.UTF-8 is used, and the status line says so.
TUI_ENV="$base TERM=tmux-256color"
tui_start 80 24
tui_wait 'LANG is not set; using C.UTF-8'
ok $? "LANG unset: a warning in the status line"
tui_wait ' 1/22$'
tui_expect lang-unset "LANG unset: Chinese still draws"
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
tui_stop
TUI_ENV="$base TERM=tmux-256color LANG=C.UTF-8 NO_COLOR=1"
tui_start 80 24
tui_wait ' 1/22$'
tui_capture -e >"$T/mono"
grep -Eq "$(printf '\033')\[([0-9;]*;)?([34][0-8]|9[0-7]|10[0-7])[;m]" "$T/mono"
is "$?" 1 "NO_COLOR: no colour at all"
grep -q "$(printf '\033')\[7m" "$T/mono"
ok $? "NO_COLOR: the selection is reverse video"
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

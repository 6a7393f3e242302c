#!/bin/sh
# SPDX-License-Identifier: MIT
# The mouse: a click selects (and focuses its pane), the wheel scrolls;
# --no-mouse leaves the mouse alone. The events are typed as the X10
# reports the terminal sends (ESC [ M, button+32, column+33, row+33).
. "${top_srcdir:-.}/tests/tui/lib.sh"

esc=$(printf '\033')
click() {	# click COLUMN ROW (0-based screen cells)
	tui_type "$esc[M $(printf "\\$(printf %o $(($1 + 33)))")$(printf "\\$(printf %o $(($2 + 33)))")"
	tui_type "$esc[M#$(printf "\\$(printf %o $(($1 + 33)))")$(printf "\\$(printf %o $(($2 + 33)))")"
}
wheel() {	# wheel up|down COLUMN ROW
	b='`'
	[ "$1" = down ] && b=a
	tui_type "$esc[M$b$(printf "\\$(printf %o $(($2 + 33)))")$(printf "\\$(printf %o $(($3 + 33)))")"
}

tui_start 80 24
tui_wait ' 1/22$'
click 3 3
tui_wait '^ ★ Starred \(0\) +newsreader'
ok $? "a click on a row selects it"
wheel up 3 5
tui_wait '^ 全部 / All \(13\) +newsreader'
ok $? "the wheel scrolls the pane under it"
click 40 10
tui_wait ' 10/13$'
ok $? "a click in the list focuses it and selects the row"
tui_keys Enter
tui_wait '│ 2021-12-07 10:02 · 趣头条'
ok $? "Enter, typed after the click's release, opens the article clicked"
tui_stop

mouse_flags() {
	tmx display-message -p -t nr \
	    '#{mouse_standard_flag}#{mouse_button_flag}#{mouse_any_flag}'
}

tui_start 80 24
tui_wait ' 1/22$'
like "$(mouse_flags)" 1 "the terminal is asked for mouse reports"
tui_stop

tui_start 80 24 -- --no-mouse
tui_wait ' 1/22$'
is "$(mouse_flags)" 000 "--no-mouse: the terminal is not asked"
tui_stop

mkdir -p "$XDG_CONFIG_HOME/newsreader"
echo 'mouse: false' >"$XDG_CONFIG_HOME/newsreader/config.yaml"
tui_start 80 24
tui_wait ' 1/22$'
is "$(mouse_flags)" 000 "mouse: false in the config: nor here"
tui_stop

done_testing

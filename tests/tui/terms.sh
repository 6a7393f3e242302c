#!/bin/sh
# SPDX-License-Identifier: MIT
# Other terminals beside tmux's own: TERM=linux (the console: 8 colours,
# no alternate screen), screen, vt220 (no colour) and no TERM at all. At
# each, newsreader starts, draws the seed article aligned (the reader's
# lines are the ones --dump prints at its width, at the same columns) and
# quits cleanly: exit status 0, the cursor shown, the keypad, the mouse
# and the alternate screen given back.
. "${top_srcdir:-.}/tests/tui/lib.sh"

DATA=$(cd "$top_srcdir/data" && pwd -P)	# as the collection stores it
SEED="$DATA/000_bbf8aa7d2cb0c58b.md"
W=57	# at 80 columns the reader's text is 57 wide, from column 22
COL=22
"$NEWSREADER" --dump --width $W "$SEED" | head -22 | sed 's/ *$//' >"$T/want"
base="HOME=$HOME XDG_CONFIG_HOME=$XDG_CONFIG_HOME XDG_DATA_HOME=$XDG_DATA_HOME PATH=/usr/bin:/bin LANG=C.UTF-8"

# The pane's modes: "cursor keypad mouse alternate", each 0 or 1. A dead
# pane's are not kept, so newsreader runs in a wrapper that says how it
# ended and then waits, its pane alive, for the modes to be read.
modes() {
	tmx display-message -p -t nr \
	    '#{cursor_flag} #{keypad_flag} #{mouse_any_flag} #{alternate_on}'
}
cat >"$T/run" <<EOF2
#!/bin/sh
"$NEWSREADER" "\$@"
echo "[ended \$?]"
exec sleep $((TUI_TIMEOUT * 3))
EOF2
chmod +x "$T/run"
NEWSREADER="$T/run"

for term in linux screen vt220 unset; do
	if [ "$term" = unset ]; then
		TUI_ENV=$base
	elif ! infocmp "$term" >/dev/null 2>&1; then
		skip "no terminfo description for $term"
		continue
	else
		TUI_ENV="$base TERM=$term"
	fi
	tui_start 80 24 -- --category 新媒体 "$DATA"
	tui_wait ' 1/7$'
	ok $? "TERM=$term: it starts"
	if [ "$term" = unset ]; then
		like "$(cat "$TUI_SCREEN")" 'TERM is not set; using ' \
		    "TERM unset: the status line says what it uses"
	fi
	tui_keys G
	tui_wait ' 7/7$'
	tui_keys Enter
	tui_wait '│ 大连：初步查明_11·03_疫情冷链企业违法犯罪'
	tui_settle
	tui_pane $COL >"$T/shown"
	is_file "$T/shown" "$T/want" "TERM=$term: the seed article's lines are --dump's, aligned"
	tui_keys Q
	tui_wait '^\[ended [0-9]+\]$'
	ok $? "TERM=$term: Q quits, and the next line starts clean at column 1"
	like "$(cat "$TUI_SCREEN")" '^\[ended 0\]$' "TERM=$term: with status 0"
	is "$(modes)" "1 0 0 0" \
	    "TERM=$term: the cursor shown, keypad, mouse and alternate screen off"
	tmx kill-session -t nr
done

done_testing

#!/bin/sh
# SPDX-License-Identifier: MIT
# The reader beside the category tree on a terminal with left and right
# margins (xterm's DECLRMM; here bench/nr-pty -v, which emulates one with
# libvterm and answers the program's DECRQM as xterm does). newsreader
# then scrolls the reader's columns alone and writes the new lines
# itself. The same keys are sent to a terminal that keeps quiet (-n),
# where it scrolls whole rows and puts the tree back, as under tmux: the
# two screens must be the same at every step, and each must be what a
# full repaint (C-l) draws. The margins must also pay: the lines of
# scroll cost their text and a few bytes each, not the tree's rows.
. "${top_srcdir:-.}/tests/lib.sh"

need_emulator

sh "$top_srcdir/tests/tui/gen-tree.sh" "$T/art"

# The keys, with the screen looked at after each group and again after
# a full repaint (C-l): J-less steps, as the category holds one article.
step() {	# step LABEL KEYS...: send each key, wait, look
	label=$1
	shift
	for k in "$@"; do
		printf 'send %s\nsettle\n' "$k"
	done
	printf 'mark %s\nscreen %s\nsend \\x0c\nsettle\nscreen %s-repaint\nmark -\n' \
	    "$label" "$label" "$label"
}
{
	printf 'until 长文\nsettle\nsend \\r\nsettle\nmark open\nscreen open\n'
	printf 'each 25 j\nmark j25\nscreen j25\nsend \\x0c\nsettle\nscreen j25-repaint\nmark -\n'
	step k3 k k k
	step half d u d
	step page ' ' b ' '
	step search '/链接\r' n n N
	step top g j j
	step zoom z j j z j
	step bottom G k k
	# C-z: the shell gets the terminal without the margins' mode
	printf 'send \\x1a\nsettle\nshow ctrlz\n'
	step afterz j j
	printf 'send Q\n'
} >"$T/script"

run() {	# run NAME [-n]: the script on an emulated 80x24 xterm
	name=$1
	shift
	"$pty" -v "$@" -s 80x24 -g 100 -o "$T/$name.log" \
	    -e TERM=xterm-256color -e LANG=C.UTF-8 -e HOME="$HOME" \
	    -e XDG_DATA_HOME="$XDG_DATA_HOME" -e XDG_CONFIG_HOME="$XDG_CONFIG_HOME" \
	    "$T/script" -- "$NEWSREADER" --db "$T/db" --category 长文 "$T/art" \
	    >"$T/$name" 2>"$T/$name.err"
}
"$NEWSREADER" --db "$T/db" --list "$T/art" >/dev/null
run margins
is "$?" 0 "the reader ran on a terminal that answers"
run rows -n
is "$?" 0 "and on one that keeps quiet"

# screens FILE: the screens alone (LABEL lines and rows), no byte counts
# and not C-z's bytes
screens() { sed '/^ctrlz:$/,/^ctrlz bytes=/d' "$1" | grep -v ' bytes='; }
screens "$T/margins" >"$T/margins.screens"
screens "$T/rows" >"$T/rows.screens"
is "$(grep -c '^|' "$T/margins.screens")" $((24 * 19)) "19 screens looked at"
is_file "$T/margins.screens" "$T/rows.screens" \
    "every screen is the same with margins as without"

# Each screen against the full repaint that followed it, but for the
# status line, whose message a key clears.
for label in j25 k3 half page search top zoom bottom afterz; do
	for f in margins rows; do
		sed -n "/^$label\$/,/^$label-repaint\$/p" "$T/$f" |
		    grep '^|' | sed 23q >"$T/$f.$label.before"
		sed -n "/^$label-repaint\$/,/ bytes=/p" "$T/$f" |
		    grep '^|' | sed 23q >"$T/$f.$label.after"
	done
	is_file "$T/margins.$label.before" "$T/margins.$label.after" \
	    "after $label, the screen is what a repaint draws"
done
grep -q '粗体3，链接3' "$T/margins.j25.before" &&
    grep -q '体育' "$T/margins.j25.before"
ok $? "the reader and the tree are both on it"

# The margins were used: the mode turned on after the answer, DECSLRM
# over the reader's columns, and given back.
grep -q "$(printf '\033\\[?69h')" "$T/margins.log"
ok $? "the mode is turned on when the terminal answers"
grep -Eq "$(printf '\033')\\[[0-9]+;80s" "$T/margins.log"
ok $? "the reader's columns are set as margins"
grep -q "$(printf '\033\\[?69h')" "$T/rows.log"
ok "$((! $?))" "not when it keeps quiet"
tail -c 200 "$T/margins.log" | grep -q "$(printf '\033\\[?69l')"
ok $? "and turned off at the end"

# C-z (where nothing stops the process, as here, curses goes through
# endwin and back at once): the mode is off before the screen is given to
# the shell (rmcup, ?1049l), on again after it is taken back.
at() {	# at RUN SEQ: the line of C-z's bytes where SEQ is first, or 0
	sed -n '/^ctrlz:$/,/^ctrlz bytes=/p' "$T/$1" |
	    awk -v q="$2" 'index($0, q) { print NR; f = 1; exit } END { if (!f) print 0 }'
}
off=$(at margins '\e[?69l') rmcup=$(at margins '\e[?1049l') on=$(at margins '\e[?69h')
diag "C-z: ?69l at $off, rmcup at $rmcup, ?69h at $on"
ok "$([ "$off" -gt 0 ] && [ "$off" -lt "$rmcup" ] && [ "$on" -gt "$rmcup" ]; echo $?)" \
    "C-z: the mode off before the shell gets the screen, on after"
is "$(at rows '\e[?69')" 0 "not touched where it was never on"

# What the 25 lines cost: with margins, about their text; without, the
# tree's rows are put back each time.
m=$(sed -n 's/^j25 bytes=\([0-9]*\).*/\1/p' "$T/margins")
r=$(sed -n 's/^j25 bytes=\([0-9]*\).*/\1/p' "$T/rows")
diag "25 j: $m bytes with margins, $r without"
ok "$([ "$m" -gt 0 ] && [ $((m * 2)) -lt "$r" ]; echo $?)" \
    "25 lines cost less than half as much with margins ($m < $r / 2)"

done_testing

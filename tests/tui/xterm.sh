#!/bin/sh
# SPDX-License-Identifier: MIT
# The reader beside the tree in a real xterm (on Xvfb), the terminal
# whose left and right margins newsreader uses: keys sent with xdotool,
# the screen read back through xterm's own print function (print() on
# F12, to a file). The same keys with margins: false in the config must
# give the same screens, and each screen must be what a full repaint
# (C-l) draws; then the window is resized with the margins set and the
# reader scrolled again. The script(1) log of each run shows which one
# used the margins.
. "${top_srcdir:-.}/tests/lib.sh"

for p in Xvfb xterm xdotool script; do
	command -v $p >/dev/null 2>&1 || need "$p is not installed"
done
sh "$top_srcdir/tests/tui/gen-tree.sh" "$T/art"
"$NEWSREADER" --db "$T/db" --list "$T/art" >/dev/null

# An X server of our own, on the first free display.
Xvfb -displayfd 3 -nolisten tcp -screen 0 1024x768x24 3>"$T/display" \
    2>"$T/xvfb.err" &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$T"' EXIT
i=0
while [ ! -s "$T/display" ] && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
[ -s "$T/display" ] || { cat "$T/xvfb.err" >&2; echo "Bail out! Xvfb did not start"; exit 1; }
DISPLAY=:$(cat "$T/display")
export DISPLAY

# quiet FILE: wait until FILE has not grown for 0.4 s (at most 10 s).
quiet() {
	last=-1 i=0
	while [ $i -lt 100 ]; do
		now=$(wc -c <"$1" 2>/dev/null || echo 0)
		[ "$now" = "$last" ] && return 0
		last=$now
		sleep 0.4
		i=$((i + 4))
	done
}

# run NAME MARGINS KEYS...: newsreader in an 80x24 xterm with margins:
# MARGINS, the keys sent one by one, each after the output has settled;
# "print" prints the screen (appended to $T/NAME.txt, a form feed after
# it); "resize WxH" makes the window W by H pixels.
run() {
	name=$1
	mkdir -p "$T/$name/newsreader"
	printf 'margins: %s\n' "$2" >"$T/$name/newsreader/config.yaml"
	shift 2
	: >"$T/$name.txt"
	xterm -geometry 80x24 -u8 -xrm 'XTerm*allowSendEvents: true' \
	    -xrm "XTerm*printerCommand: cat >>$T/$name.txt" \
	    -xrm 'XTerm*printAttributes: 0' -xrm 'XTerm*printerAutoClose: true' \
	    -xrm 'XTerm*printerExtent: true' -xrm 'XTerm*printerFormFeed: true' \
	    -xrm 'XTerm*VT100.translations: #override <Key>F12: print()' \
	    -e script -qfc "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color \
	    XDG_CONFIG_HOME=$T/$name XDG_DATA_HOME=$T/xdg HOME=$HOME \
	    $NEWSREADER --db $T/db --no-scan --category 长文 $T/art" \
	    -I "$T/$name.in" -O "$T/$name.log" >/dev/null 2>&1 &
	xt=$!
	wid=$(timeout 10 xdotool search --sync --pid $xt 2>/dev/null | tail -1)
	quiet "$T/$name.log"
	for k in "$@"; do
		if [ "$k" = print ]; then
			size=$(wc -c <"$T/$name.txt")
			xdotool key --window "$wid" F12 2>/dev/null
			i=0
			while [ "$(wc -c <"$T/$name.txt")" = "$size" ] && [ $i -lt 50 ]; do
				sleep 0.1
				i=$((i + 1))
			done
			quiet "$T/$name.txt"
		elif [ "${k#resize}" != "$k" ]; then
			xdotool windowsize "$wid" $(echo "${k#resize}" | tr x ' ') \
			    2>/dev/null
			sleep 0.5
			quiet "$T/$name.log"
		else
			xdotool key --window "$wid" "$k" 2>/dev/null
			quiet "$T/$name.log"
		fi
	done
	xdotool key --window "$wid" Q 2>/dev/null
	i=0
	while kill -0 $xt 2>/dev/null && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	kill $xt 2>/dev/null
	# The printed screens: xterm marks a wide character's second cell
	# with U+FFFF; blanks at the ends of rows are dropped; each screen
	# ends with a form feed (at the start of the next row), made a line
	# "--" here.
	sed 's/\xef\xbf\xbf//g; s/ *$//; s/^\f/--\n/' "$T/$name.txt" \
	    >"$T/$name.screens"
}

j25="j j j j j j j j j j j j j j j j j j j j j j j j j"
# shellcheck disable=SC2086 # the key lists are split into keys
keys="Return print $j25 print ctrl+l print k k k print ctrl+l print d u d print
    space b space print ctrl+l print g j j print z j j z j print G k k print
    resize700x400 j j j print"
# shellcheck disable=SC2086
run margins true $keys
# shellcheck disable=SC2086
run rows false $keys

is "$(grep -c '^--$' "$T/margins.screens")" 12 "12 screens printed"
is "$(sed -n '1,/^--$/p' "$T/margins.screens" | grep -vc '^--$')" 24 \
    "the first of 24 rows"
is_file "$T/margins.screens" "$T/rows.screens" \
    "every screen is the same with margins as without"
cmp -s "$T/margins.screens" "$T/rows.screens" ||
    for f in margins rows; do	# what the terminal sent, to see why
	diag "$f: the input: $(od -An -c "$T/$f.in" | tr -s ' \n' ' ')"
    done
# screen N FILE: the Nth printed screen
screen() { awk -v n="$1" '/^--$/ { k++; next } k == n - 1' "$2"; }
for n in 2 4 7; do
	screen $n "$T/margins.screens" >"$T/before"
	screen $((n + 1)) "$T/margins.screens" >"$T/after"
	[ -s "$T/before" ] || echo "# screen $n is empty" >>"$T/before"
	is_file "$T/before" "$T/after" "screen $n is what a repaint draws"
done
screen 12 "$T/margins.screens" >"$T/resized"
ok "$([ "$(wc -l <"$T/resized")" -ne 24 ] && grep -q '│' "$T/resized"; echo $?)" \
    "screen 12, after the window was resized, has another size and the tree"
diag "after the resize: $(wc -l <"$T/resized") rows, $(awk '{ print length }' "$T/resized" | sort -n | tail -1) bytes in the widest row"
grep -q '粗体3，链接3' "$T/margins.screens" && grep -q '体育' "$T/margins.screens"
ok $? "the reader and the tree are on it"
grep -Eq "$(printf '\033')\\[[0-9]+;80s" "$T/margins.log"
ok $? "xterm answered, and the reader's columns were set as margins"
grep -q "$(printf '\033\\[?69')" "$T/rows.log"
ok "$((! $?))" "margins: false does not ask"
m=$(wc -c <"$T/margins.log") r=$(wc -c <"$T/rows.log")
diag "written: $m bytes with margins, $r without"
ok "$([ "$m" -lt "$r" ]; echo $?)" "fewer bytes with margins ($m < $r)"

done_testing

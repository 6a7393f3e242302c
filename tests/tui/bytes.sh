#!/bin/sh
# SPDX-License-Identifier: MIT
# What a line of scroll costs on the wire, through the pty harness
# (bench/nr-pty) rather than tmux: the reader zoomed to the full width of
# an 80x24 xterm-256color, 20 j one at a time. Each sends the scroll (SU,
# 4 bytes), CR and the margin (2), and the line that came into view;
# setting the scroll region once and giving it back when the position in
# the status line changes adds some 50 bytes each time. Curses left to
# itself spends some 30 bytes a line around the text (a scroll region set
# and reset, the cursor addressed again): this budget fails that.
. "${top_srcdir:-.}/tests/lib.sh"

pty="$top_builddir/bench/nr-pty"
[ -x "$pty" ] || skip_all "bench/nr-pty is not built"

# An article of five long plain paragraphs: no styles, so the bytes of a
# line are those --dump prints.
mkdir -p "$T/art"
{
	printf -- '---\ntitle: 长段落\ndate: 2021-01-01\ncategories: [测试]\n---\n\n'
	for p in 1 2 3 4 5; do
		i=1
		while [ $i -le 60 ]; do
			printf '第%s段第%s句，文字。' $p $i
			i=$((i + 1))
		done
		printf '\n\n'
	done
} >"$T/art/long.md"
"$NEWSREADER" --dump --width 78 "$T/art/long.md" | sed 's/ *$//' >"$T/dump"

{
	printf 'until 测试 (1)\nsettle\nsend \\r\nsettle\nsend z\nsettle\nmark open\n'
	i=1
	while [ $i -le 20 ]; do
		printf 'send j\nsettle\nmark j%s\n' $i
		i=$((i + 1))
	done
	printf 'send Q\n'
} >"$T/script"
"$pty" -s 80x24 -g 100 -e TERM=xterm-256color -e LANG=C.UTF-8 \
    -e HOME="$HOME" -e XDG_DATA_HOME="$XDG_DATA_HOME" \
    -e XDG_CONFIG_HOME="$XDG_CONFIG_HOME" "$T/script" -- \
    "$NEWSREADER" --db "$T/db" --category 测试 "$T/art" >"$T/out" 2>"$T/err"
is "$?" 0 "the harness ran the reader"
is "$(grep -c '^j[0-9]* bytes=' "$T/out")" 20 "and measured 20 j"

# The 20 j bring lines 23 to 42 into view (the pane shows 22).
text=$(sed -n 23,42p "$T/dump" | tr -d '\n' | wc -c)
blank=$(sed -n 23,42p "$T/dump" | grep -c '^$')
sent=$(sed -n 's/^j[0-9]* bytes=\([0-9]*\).*/\1/p' "$T/out" | awk '{ n += $1 } END { print n }')
budget=$((text + 6 * (20 - blank) + 4 * blank + 120))
diag "20 lines of text: $text bytes; sent: $sent; budget: $budget"
ok "$([ "$sent" -ge "$text" ]; echo $?)" "every line's text was sent ($sent >= $text)"
ok "$([ "$sent" -le "$budget" ]; echo $?)" \
    "and little else: $sent bytes, at most $budget (6 a line, 120 in all)"

done_testing

#!/bin/sh
# SPDX-License-Identifier: MIT
# No article freezes the screen (issue 11): a 2 MB run of tabs in a code
# block (once quadratic to lay out: the TUI ignored Q and C-c for over 90
# s) is opened, read to its end and back, and Q still quits at once. The
# bound below only catches a hang; layout works in blocks of at most
# DOCUMENT_MAX_BLOCK_TEXT, so a key waits for one block at most. A big
# article is read and built on a thread of its own: its header shows at
# once with "Reading the article", and keys are answered meanwhile.
. "${top_srcdir:-.}/tests/tui/lib.sh"

TUI_TIMEOUT=5
mkdir -p "$T/news"
f="$T/news/tabs.md"
{
	printf -- '---\ntitle: tabrun\ndate: 2021-01-02 03:04:05\n---\n'
	printf '```\nbefore'
	head -c 2097152 /dev/zero | tr '\0' '\t'
	printf 'aftertabs\n```\n'
} >"$f"

tui_start 80 24 -- "$T/news"
tui_wait 'tabrun'
ok $? "the article is listed"
tui_settle
tui_keys Tab Enter
tui_wait '│ before'
ok $? "Enter opens it: the first line shows"
# to the end (every block's lines are counted on the way) and back
tui_keys G
tui_wait 'aftertabs'
ok $? "G shows the end of the tab run"
tui_keys g
tui_wait '│ before'
ok $? "g goes back to the top"
tui_keys C-l
tui_wait '│ before'
ok $? "C-l redraws"
tui_keys Q
is "$(tui_wait_exit)" 0 "Q quits within ${TUI_TIMEOUT} s, status 0"

# A 16 MiB body on one line: Q while it is being built
rm -f "$f"
{
	printf -- '---\ntitle: oneline\ndate: 2021-01-02 03:04:05\n---\n'
	yes word | head -n $((16 * 1048576 / 5)) | tr '\n' ' '
	printf 'lastword\n'
} >"$f"
TUI_TIMEOUT=120	# the scan indexes it first
tui_start 80 24 -- "$T/news"
tui_wait 'oneline'
ok $? "the 16 MiB article is listed"
tui_settle
TUI_TIMEOUT=5
tui_keys Tab Enter
tui_wait 'Reading the article \(16 MB\)'
ok $? "Enter shows its header at once, and that it is being read"
tui_keys C-l Q
is "$(tui_wait_exit)" 0 "C-l and Q are answered, status 0"

done_testing

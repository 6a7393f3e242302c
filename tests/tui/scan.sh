#!/bin/sh
# SPDX-License-Identifier: MIT
# The scan runs in the background: the screen is drawn first (the tree's
# fixed views) with the scan's progress in the status line; the lists
# fill when it ends. R rescans; new articles come in above the cursor,
# which stays on the article it was on.
. "${top_srcdir:-.}/tests/tui/lib.sh"

TUI_TIMEOUT=40	# a cold import of a few thousand files on a busy machine
N=3000
"$top_builddir/bench/gen-corpus" $N "$T/corpus" >/dev/null ||
    skip_all "gen-corpus failed"
CORPUS=$(cd "$T/corpus" && pwd -P)

tui_start 80 24 -- "$CORPUS"
tui_wait '扫描 [0-9,]+'
ok $? "the scan's progress shows in the status line"
like "$(cat "$TUI_SCREEN")" '^ 全部 / All ' "while the screen is already drawn"
tui_wait "^ 全部 / All \\($N\\) +newsreader"
ok $? "when it ends, the views are counted again"
tui_wait_gone '扫描'
ok $? "and the progress is gone"
tui_keys Tab 5 j
tui_wait " 6/$N\$"
ok $? "the cursor on the sixth article"
title=$(sed -n 7p "$TUI_SCREEN" | sed 's/^.*│.  [0-9-]* //; s/…$//')
like "$title" '.' "(its title starts: $title)"

# Three articles newer than any, then R.
mkdir -p "$CORPUS/new"
for i in 1 2 3; do
	printf -- '---\ntitle: 新文章 %s\ndate: 2030-01-0%s 08:00:00\ncategories:\n  - 新媒体\n---\n<p>正文。</p>\n' \
	    "$i" "$i" >"$CORPUS/new/$i.md"
done
tui_keys R
tui_wait 'Scanned [0-9]+ files: 3 new or changed, 0 removed'
ok $? "R rescans and says what it found"
tui_wait " 9/$((N + 3))\$"
ok $? "the cursor stays on the same article, three rows further down"
tui_keys Enter
tui_wait "│ $title"
ok $? "it is the same article"
tui_keys q g
tui_wait " 1/$((N + 3))\$"
like "$(sed -n 2p "$TUI_SCREEN")" '2030-01-03 新文章 3' "the new articles are at the top"
tui_stop

# A scan's warnings: the first three one by one, then how many more.
BAD=$(cd "$top_srcdir/tests/fixtures/bad" && pwd -P)
nwarn=$("$NEWSREADER" --list --db "$T/count.db" "$BAD" 2>&1 >/dev/null | grep -c '^newsreader: ')
tui_start 100 24 -- --db "$T/bad.db" "$BAD"
tui_wait '^[^ ].*\.md(:[0-9]+)?: '
ok $? "a warning from the scan shows in the status line, as PATH:LINE: what"
tui_keys j
tui_wait_gone "^$(tail -1 "$TUI_SCREEN" | cut -c1-20 | sed 's/[][\.*^$]/\\&/g')"
tui_keys j
tui_settle
tui_keys j
tui_wait "and $((nwarn - 3)) more warnings about files"
ok $? "then the count of the other $((nwarn - 3))"
tui_stop
# A clean exit after a scan leaves the database's files and nothing else:
# no -wal or -shm of the database or of its index's shards, no scan lock.
is "$(cd "$T" && ls bad.db*)" "$(printf 'bad.db\nbad.db-fts0\nbad.db-fts1')" \
	"after Q, no -wal, -shm or -lock file is left"

done_testing

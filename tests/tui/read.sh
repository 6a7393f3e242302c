#!/bin/sh
# SPDX-License-Identifier: MIT
# Reading on the sample collection at 80x24: --category opens with the
# category selected and the list focused; the reader shows exactly the
# lines --dump prints at the reader's width, aligned; paging, J and K,
# n and N.
. "${top_srcdir:-.}/tests/tui/lib.sh"

DATA=$(cd "$top_srcdir/data" && pwd -P)	# as the collection stores it
SEED="$DATA/000_bbf8aa7d2cb0c58b.md"
# At 80 columns the tree takes 20, the rule 1: the reader is 59 wide,
# its text 57 (a cell of margin each side), starting at column 22.
W=57
COL=22
"$NEWSREADER" --dump --width $W "$SEED" >"$T/seed.txt"

tui_start 80 24 -- --category 新媒体 "$DATA"
tui_wait '^ 新媒体 \(7\) +newsreader'
ok $? "--category: the title bar names the category and its count"
tui_wait '大连：初步查明_11·03_疫情冷链企业违法犯罪'
ok $? "the seed article is listed"
# The status line is drawn last: once it shows, the list's rows are there.
tui_wait ' 1/7$'
like "$(tail -1 "$TUI_SCREEN")" ' 1/7$' "the list has the focus"
like "$(cat "$TUI_SCREEN")" '●  2021-12-03 大连：初步查明' \
    "unread marker and date before the title"
like "$(cat "$TUI_SCREEN")" '寒潮来袭，东北多地气温骤降十度以上$' \
    "an article of the category itself shows no category"

# Open the seed: it is the oldest of the category, the last row.
tui_keys G
tui_wait ' 7/7$'
tui_keys Enter
tui_wait '│ 大连：初步查明_11·03_疫情冷链企业违法犯罪'
ok $? "Enter opens the article"
tui_settle
tui_pane $COL >"$T/shown"
head -22 "$T/seed.txt" | sed 's/ *$//' >"$T/want"
is_file "$T/shown" "$T/want" "the reader shows the lines --dump prints at width $W"
like "$(sed -n 2,4p "$T/shown")" '^2021-12-03 01:20 · 趣头条$' "the date (UTC: no TZ) and the author"
like "$(sed -n 3p "$T/shown")" '^新媒体 › 趣头条 › 分类$' "the category path"
like "$(sed -n 5p "$T/shown")" '^　　央视网消息：据“大连发布”微信公众号消息' \
    "the first paragraph, indented the Chinese way"
is "$(sed -n 2,23p "$TUI_SCREEN" | "$top_builddir/tests/tui/nr-width" -c '│' | sort -u)" \
    20 "the rule sits at column 20 on every row, after Chinese names"
is "$(sed -n 2,23p "$TUI_SCREEN" | awk -F'│' '{ print $1 }' | "$top_builddir/tests/tui/nr-width" | sort -u)" \
    20 "each row's tree part is 20 cells wide"
is "$("$top_builddir/tests/tui/nr-width" <"$T/shown" | sort -n | tail -1)" \
    "$("$top_builddir/tests/tui/nr-width" <"$T/want" | sort -n | tail -1)" \
    "the widest line is as wide on the screen as in --dump"
tui_capture -e >"$T/styled"
grep -q "$(printf '\033')\[1m[^│]*大连：初步查明" "$T/styled"
ok $? "the title is bold"

# Paging: a page is 21 lines (the pane's 22, less one kept).
tui_keys Space
tui_wait_gone '│ 大连：初步查明'
tui_settle
tui_pane $COL >"$T/shown"
sed -n 22,43p "$T/seed.txt" | sed 's/ *$//' >"$T/want"
is_file "$T/shown" "$T/want" "Space shows the next page"
tui_keys b
tui_wait '│ 大连：初步查明'
tui_pane $COL >"$T/shown"
head -22 "$T/seed.txt" | sed 's/ *$//' >"$T/want"
is_file "$T/shown" "$T/want" "b goes back to the first page"
tui_keys 3 j
tui_wait_gone '│ 大连：初步查明'
tui_settle
tui_pane $COL >"$T/shown"
sed -n 4,25p "$T/seed.txt" | sed 's/ *$//' >"$T/want"
is_file "$T/shown" "$T/want" "3j scrolls three lines"
tui_keys C-l
tui_settle
tui_pane $COL >"$T/again"
is_file "$T/again" "$T/shown" "what scrolling drew equals a full redraw"
tui_keys d
tui_wait_gone '│ 坚决织密扎牢疫情防控坚固防线。'
tui_settle
tui_pane $COL >"$T/shown"
sed -n 15,36p "$T/seed.txt" | sed 's/ *$//' >"$T/want"
is_file "$T/shown" "$T/want" "d scrolls half a page (11 lines)"
tui_keys u
tui_wait '│ 坚决织密扎牢疫情防控坚固防线。'
tui_keys G
tui_wait ' End$'
tail -22 "$T/seed.txt" | sed 's/ *$//' >"$T/want"
tui_pane $COL >"$T/shown"
is_file "$T/shown" "$T/want" "G shows the end, the last line at the bottom"
tui_keys g
tui_wait ' Top$'
ok $? "g goes back to the top"

# J and K: the next and previous article of the list.
tui_keys K
tui_wait '│ 寒潮来袭，东北多地气温骤降十度以上'
ok $? "K reads the previous article"
tui_keys J
tui_wait '│ 大连：初步查明_11·03_疫情冷链企业违法犯罪'
ok $? "J the next"
tui_keys J
tui_wait 'No next article in 新媒体'
ok $? "and past the last one says so"
tui_stop

# n and N: the next and previous unread article from the reader.
tui_start 80 24 -- --category 新媒体 "$DATA"
tui_wait ' 1/7$'
tui_keys Enter
tui_wait '│ 社区图书馆夜间开放'
tui_keys n
tui_wait '│ 评论：“慢下来”的城市'
ok $? "n reads the next unread article"
tui_keys N
tui_wait 'No earlier unread article in 新媒体'
ok $? "N: the one before is read now"
tui_keys q
tui_wait ' 2/7$'
ok $? "q goes back to the list, on the article read"
tui_keys N
tui_wait 'No earlier unread article'
tui_keys n
tui_wait ' 3/7$'
ok $? "n in the list skips to the next unread row"
tui_stop

# An article of this year shows its date as MM-DD.
mkdir -p "$T/today"
now=$(date '+%Y-%m-%d %H:%M:%S')
printf -- '---\ntitle: 今天的文章\ndate: %s\ncategories: [今天]\n---\n<p>今天。</p>\n' \
    "$now" >"$T/today/today.md"
tui_start 80 24 -- "$T/today" "$DATA"
tui_wait ' 1/23$'
tui_keys Tab
tui_wait "│●  $(date +%m-%d) 今天的文章"
ok $? "this year's date shows as MM-DD, older ones with the year"
tui_stop

# Zoomed to the full width, the reader scrolls the terminal itself (a
# scroll region kept between lines): a line at a time each way, counts,
# half pages, and the screen equals --dump's lines and a full redraw.
"$NEWSREADER" --dump --width 78 "$SEED" | sed 's/ *$//' >"$T/seed78.txt"
tui_start 80 24 -- --category 新媒体 "$DATA"
tui_wait ' 1/7$'
tui_keys G
tui_wait ' 7/7$'
tui_keys Enter z
tui_wait '^ 大连：初步查明_11·03_疫情冷链企业违法犯罪 *$'
for k in j j j j j k; do
	tui_keys $k
	tui_settle
done
tui_pane 1 >"$T/shown"
sed -n 5,26p "$T/seed78.txt" >"$T/want"
is_file "$T/shown" "$T/want" "zoomed: five j and a k, line by line"
tui_keys 1 0 j
tui_settle
tui_keys 3 k
tui_settle
tui_keys d
tui_settle
tui_keys u
tui_settle
tui_pane 1 >"$T/shown"
sed -n 12,33p "$T/seed78.txt" >"$T/want"
is_file "$T/shown" "$T/want" "zoomed: 10j, 3k, d and u"
tui_keys C-l
tui_settle
tui_pane 1 >"$T/again"
is_file "$T/again" "$T/shown" "zoomed: what scrolling drew equals a full redraw"
like "$(head -1 "$TUI_SCREEN")" '^ 新媒体 \(7\) +newsreader$' "the title bar stayed in place"
tui_keys G
tui_wait ' End$'
tui_keys k k
tui_settle
tui_pane 1 >"$T/shown"
tail -24 "$T/seed78.txt" | head -22 >"$T/want"
is_file "$T/shown" "$T/want" "zoomed: from the end, back two lines"
tui_stop

# The config reaches the reader and --dump alike: with the paragraph
# indent off and a measure of 40, the reader zoomed to 80 columns shows
# its text 40 wide from column 20, and --dump with no --width (a pipe:
# 80, capped by the measure) prints the same lines.
mkdir -p "$XDG_CONFIG_HOME/newsreader"
printf 'indent: false\nmeasure: 40\n' >"$XDG_CONFIG_HOME/newsreader/config.yaml"
"$NEWSREADER" --dump "$SEED" >"$T/conf.txt"
like "$(sed -n 6p "$T/conf.txt")" '^央视网消息' "--dump follows indent: false"
tui_start 80 24 -- --category 新媒体 "$DATA"
tui_wait ' 1/7$'
tui_keys G
tui_wait ' 7/7$'
tui_keys Enter z
tui_wait '^ {20}大连：初步查明_11·03_疫情冷链'
tui_settle
tui_pane 20 >"$T/shown"
head -22 "$T/conf.txt" | sed 's/ *$//' >"$T/want"
is_file "$T/shown" "$T/want" "indent: false, measure: 40: the reader shows what --dump prints"
tui_stop
rm "$XDG_CONFIG_HOME/newsreader/config.yaml"

done_testing

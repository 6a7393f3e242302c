#!/bin/sh
# SPDX-License-Identifier: MIT
# newsreader --list: TAB fields, order, --json, escaping, exit statuses.
# (--list reads the collection, issue 3: each line ends in the article's
# id, which the checks of the first four fields cut off.)
. "${top_srcdir:-.}/tests/lib.sh"

export TZ=CST-8	# Asia/Shanghai, as a POSIX rule: no tzdata needed
D="$T/news"
mkdir -p "$D/sub" "$D/.hidden"

cat >"$D/a.md" <<'X'
---
title: 第一篇
date: 2021-12-03 09:20:34
categories: [新媒体, 趣头条]
tags: [a, b]
author: 某人
headimg: https://x/1.jpg
layout: post
---
<div>body</div>
X
cat >"$D/sub/b.md" <<'X'
---
title: "second \"quoted\""
date: Fri, 03 Dec 2021 02:20:34 GMT
categories: [[x, y], z]
---
# Markdown
X
cat >"$D/c.md" <<'X'
---
title: same time, path c
date: 2021-01-01 00:00:00
---
X
cat >"$D/b-same.md" <<'X'
---
title: same time, path b
date: 2021-01-01 00:00:00
---
X
# A title that tries to drive the terminal: CSI colour, OSC 52 (clipboard),
# a C1 CSI, a bidi override, a TAB and BEL; JSON must escape them.
printf -- '---\ntitle: "evil \\e[31mred\\e[0m \\e]52;c;aGk=\\a tab\\there \\u009b2J \\u202e"\ndate: 2020-01-01\nauthor: "\\e]0;pwned\\a"\n---\nbody\n' >"$D/evil.md"
echo "not an article" >"$D/.hidden/h.md"
echo "ignored" >"$D/notes.json"

"$NEWSREADER" --list "$D" >"$T/o"; st=$?; out=$(cut -f1-4 "$T/o")
is "$st" 0 "--list exits 0"
is "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 5 "five articles (dot names and other extensions skipped)"
is "$("$NEWSREADER" --list --no-scan "$D" | awk -F'\t' 'NF != 5 || $5 !~ /^[0-9]+$/' | wc -l | tr -d ' ')" 0 \
    "every line has five TAB-separated fields, the last the id"
is "$(printf '%s\n' "$out" | head -1)" \
    "$(printf '2021-12-03 10:20\tx/y\tsecond "quoted"\t%s/sub/b.md' "$D")" \
    "newest first; local date in TZ; the first category path; the path as given"
is "$(printf '%s\n' "$out" | sed -n 2p)" \
    "$(printf '2021-12-03 09:20\t新媒体/趣头条\t第一篇\t%s/a.md' "$D")" \
    "a flat category list is one path"
# The config's timezone setting overrides TZ for zone-less and printed times.
printf 'timezone: JST-9\n' >"$T/tz.yaml"
is "$("$NEWSREADER" --config "$T/tz.yaml" --list --no-scan "$D/sub/b.md" | cut -f1)" \
    "2021-12-03 11:20" "the config's timezone sets the local time printed"
is "$(printf '%s\n' "$out" | sed -n '3p;4p' | cut -f3 | tr '\n' '|')" \
    "same time, path b|same time, path c|" "ties are broken by path"
is "$(printf '%s\n' "$out" | sed -n 3p | cut -f2)" "未分类" \
    "no categories: 未分类"
dates=$(printf '%s\n' "$out" | cut -f1)
is "$dates" "$(printf '%s\n' "$dates" | sort -r)" "dates descend"

# Control sequences never reach stdout, in text or JSON.
evil=$(printf '%s\n' "$out" | grep evil)
is "$(printf '%s' "$evil" | cut -f3)" "evil red  tab here  " \
    "text: escape sequences swallowed whole, TAB made a space"
printf '%s\n' "$out" >"$T/out.txt"
"$NEWSREADER" --list --json "$D" >"$T/out.json" 2>"$T/err.json"
for f in out.txt out.json; do
	n=$(od -An -v -tx1 "$T/$f" | tr -s ' \n' '\n\n' |
	    grep -cE '^(0[0-8]|0b|0c|0d|0e|0f|1[0-9a-f]|7f)$')
	is "$n" 0 "$f: no C0 control byte but LF"
	n=$(od -An -v -tx1 "$T/$f" | tr -s ' \n' '\n\n' | tr '\n' ' ' |
	    grep -oE 'c2 (8[0-9a-f]|9[0-9a-f])' | wc -l | tr -d ' ')
	is "$n" 0 "$f: no C1 control"
	n=$(od -An -v -tx1 "$T/$f" | tr -s ' \n' '\n\n' | tr '\n' ' ' |
	    grep -oE 'e2 80 a[a-e]|e2 81 a[6-9]' | wc -l | tr -d ' ')
	is "$n" 0 "$f: no bidi control"
done
like "$(grep evil "$T/out.json")" '"title":"evil \\u001b\[31mred\\u001b\[0m \\u001b\]52;c;aGk=\\u0007 tab here \\u009b2J \\u202e"' \
    "JSON escapes every control character"
like "$(grep evil "$T/out.json")" '"author":"\\u001b\]0;pwned\\u0007"' \
    "in every field"

# --json: one object per line, every field.
is "$(wc -l <"$T/out.json" | tr -d ' ')" 5 "--json: one line per article"
first=$(grep '第一篇' "$T/out.json")
for want in '"title":"第一篇"' '"date":"2021-12-03T01:20:34Z"' '"updated":null' \
    '"categories":\[\["新媒体","趣头条"\]\]' '"tags":\["a","b"\]' \
    '"author":"某人"' '"headimg":"https://x/1.jpg"' '"format":"html"' \
    '"extra":\{"layout":"post"\}' '"warnings":\[\]' \
    "\"path\":\"$D/a.md\""; do
	like "$first" "$want" "--json has $want"
done
second=$(grep 'second' "$T/out.json")
like "$second" '"title":"second \\"quoted\\""' "--json escapes quotes"
like "$second" '"categories":\[\["x","y"\],\["z"\]\]' "--json: several category paths"
like "$second" '"format":"markdown"' "--json: markdown format"
like "$(grep 'path c' "$T/out.json")" '"warnings":\[\]' "warnings field"

# A FILE operand is read whatever its name; several operands mix.
cp "$D/a.md" "$T/plain.dat"
"$NEWSREADER" --list "$T/plain.dat" "$D/c.md" >"$T/o"; st=$?; out=$(cut -f1-4 "$T/o")
is "$st" 0 "FILE operands exit 0"
is "$(printf '%s\n' "$out" | cut -f3 | tr '\n' '|')" "第一篇|same time, path c|" \
    "a FILE operand is read whatever its name"

# Paths as given: relative operands (one with a trailing slash) print
# relative paths, as find prints them; the collection keeps them absolute.
"$NEWSREADER" --list --no-scan "$D" "$T/plain.dat" | cut -f4 | sed "s|^$T/||" >"$T/want"
(cd "$T" && "$NEWSREADER" --list --no-scan news/ plain.dat) | cut -f4 >"$T/got"
is "$(grep -c . "$T/got")" 6 "relative operands: every article listed"
is_file "$T/got" "$T/want" "relative operands: each path under its operand as typed"
(cd "$D/sub" && "$NEWSREADER" --list --no-scan ..) | cut -f4 | sort >"$T/got"
is "$(head -1 "$T/got")" "../a.md" "an operand of .. gives ../a.md"

# Exit statuses.
"$NEWSREADER" --list "$T/nonexistent" "$D/c.md" >"$T/o" 2>"$T/err"; st=$?; out=$(cut -f1-4 "$T/o")
is "$st" 1 "a DIR that does not exist: exit 1"
is "$(cat "$T/err")" "newsreader: $T/nonexistent: No such file or directory" \
    "with a message"
is "$(printf '%s\n' "$out" | cut -f3)" "same time, path c" "the others are still listed"
"$NEWSREADER" --list >"$T/o" 2>"$T/err"; st=$?
is "$st" 0 "--list without operands lists the remembered sources"
is "$(wc -l <"$T/o" | tr -d ' ')" 6 "(the DIR's five and plain.dat)"
"$NEWSREADER" --json "$D" >/dev/null 2>&1; st=$?
is "$st" 2 "--json without --list: exit 2"
out=$("$NEWSREADER" --help); st=$?
like "$out" '--list' "--help lists --list"
like "$out" '--json' "--help lists --json"

# stdout that cannot be written is an error, not silence.
if [ -w /dev/full ]; then
	"$NEWSREADER" --list "$D" >/dev/full 2>"$T/err"; st=$?
	is "$st" 1 "a failed write: exit 1"
	like "$(cat "$T/err")" "cannot write" "with a message"
else
	skip "no /dev/full"
	skip "no /dev/full"
fi

# The same listing whatever the threads do.
a=$("$NEWSREADER" --list --json "$D" 2>&1)
b=$("$NEWSREADER" --list --json "$D" 2>&1)
is "$a" "$b" "two runs give the same output"

done_testing

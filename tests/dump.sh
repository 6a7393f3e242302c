#!/bin/sh
# SPDX-License-Identifier: MIT
# --dump: the golden files (every data/ article at widths 20, 40 and 80,
# in tests/fixtures/golden/NAME.WIDTH.txt), --json, styles, and errors.
#
# After a deliberate change to the rendering, regenerate the golden files
# with NR_UPDATE_GOLDEN=1 and read the diff before committing it.
. "${top_srcdir:-.}/tests/lib.sh"

golden="$top_srcdir/tests/fixtures/golden"
export TZ=UTC

n=0
for f in "$top_srcdir"/data/*.md; do
	name=$(basename "$f" .md)
	for w in 20 40 80; do
		"$NEWSREADER" --dump "$f" --width "$w" >"$T/out" 2>"$T/err"
		st=$?
		if [ -n "${NR_UPDATE_GOLDEN:-}" ]; then
			cp "$T/out" "$golden/$name.$w.txt"
		fi
		is "$st" 0 "$name at $w: exit 0"
		is_file "$T/out" "$golden/$name.$w.txt" "$name at $w: the golden file"
		n=$((n + 1))
	done
done
ok "$([ "$n" -ge 36 ]; echo $?)" "golden files for $n article widths"

seed="$top_srcdir/data/000_bbf8aa7d2cb0c58b.md"

# no styles when stdout is not a terminal: not one ESC byte
"$NEWSREADER" --dump "$seed" --width 40 >"$T/plain"
ok "$(grep -q "$(printf '\033')" "$T/plain"; [ $? -eq 1 ]; echo $?)" \
    "a pipe gets no escape sequences"

# the width defaults to 80 when stdout is not a terminal
"$NEWSREADER" --dump "$seed" >"$T/default"
is_file "$T/default" "$golden/000_bbf8aa7d2cb0c58b.80.txt" \
    "without --width, a pipe gets 80 columns"

# styles on a terminal, through script(1) when it is there
if command -v script >/dev/null 2>&1; then
	script -qec "stty cols 40 2>/dev/null; \"$NEWSREADER\" --dump \"$seed\"" \
	    /dev/null >"$T/tty" 2>&1
	like "$(cat "$T/tty")" "$(printf '\033')\\[0;1m" \
	    "a terminal gets styles (the bold title)"
	like "$(head -1 "$T/tty")" "大连：初步查明_11·03_疫情冷链企业违法犯" \
	    "and its own width (40)"
else
	skip "no script(1) to fake a terminal"
	skip "no script(1) to fake a terminal"
fi

# --json: the header fields, the links, the same lines
"$NEWSREADER" --dump --json "$seed" --width 40 >"$T/json"; st=$?
is "$st" 0 "--json exits 0"
like "$(cat "$T/json")" '^\{"title":"大连：初步查明_11·03_疫情冷链企业违法犯罪",' \
    "--json starts with the header fields"
like "$(cat "$T/json")" '"width":40,"links":\[\{"number":0,"kind":"headimg","url":"https://picsum.photos/400/300\?random=1887"\}\]' \
    "--json has the link list, headimg as link 0"
lines=$(wc -l <"$golden/000_bbf8aa7d2cb0c58b.40.txt")
jlines=$(sed 's/.*"lines":\[//' "$T/json" | grep -o '","' | wc -l)
is "$((jlines + 1))" "$lines" "--json has as many lines as the text form"
like "$(cat "$T/json")" '"lines":\["大连：初步查明_11·03_疫情冷链企业违法犯","罪",' \
    "and the same lines"

# a Markdown article and an English one
like "$("$NEWSREADER" --dump "$top_srcdir/data/006_open_source_release.md" --width 60)" \
    '\[image: The new threaded view\]\[2\]' "an English article says image"

# an id from the collection: the same page as the file
"$NEWSREADER" --db "$T/db" --list --json "$top_srcdir/data" >"$T/list" 2>/dev/null
id=$(grep '000_bbf8aa7d2cb0c58b' "$T/list" | sed 's/.*"id":\([0-9]*\).*/\1/')
"$NEWSREADER" --db "$T/db" --dump "$id" --width 40 >"$T/byid" 2>"$T/err"; st=$?
is "$st" 0 "--dump ID exits 0"
is_file "$T/byid" "$golden/000_bbf8aa7d2cb0c58b.40.txt" \
    "--dump ID prints what --dump FILE prints"
"$NEWSREADER" --db "$T/db" --dump 987654 >"$T/out" 2>"$T/err"; st=$?
is "$st" 1 "an unknown id exits 1"
like "$(cat "$T/err")" "^newsreader: 987654: no such file, nor an article" "and says so"
"$NEWSREADER" --db "$T/none.db" --dump 1 >"$T/out" 2>"$T/err"; st=$?
is "$st" 1 "an id without a collection exits 1"
ok "$([ ! -e "$T/none.db" ]; echo $?)" "and creates no database"

# the config, as the reading pane takes it: the measure caps the default
# width (never an explicit --width), indent: false drops the indent
mkdir -p "$XDG_CONFIG_HOME/newsreader"
printf 'measure: 40\n' >"$XDG_CONFIG_HOME/newsreader/config.yaml"
"$NEWSREADER" --dump "$seed" >"$T/measure"
is_file "$T/measure" "$golden/000_bbf8aa7d2cb0c58b.40.txt" \
    "measure: 40 caps the default width at 40"
"$NEWSREADER" --dump "$seed" --width 80 >"$T/measure"
is_file "$T/measure" "$golden/000_bbf8aa7d2cb0c58b.80.txt" \
    "and --width 80 still means 80"
printf 'indent: false\n' >"$XDG_CONFIG_HOME/newsreader/config.yaml"
"$NEWSREADER" --dump "$seed" --width 80 >"$T/noindent"
like "$(sed -n 5p "$T/noindent")" '^央视网消息：据“大连发布”' "indent: false: no paragraph indent"
like "$(sed -n 5p "$golden/000_bbf8aa7d2cb0c58b.80.txt")" '^　　央视网消息' \
    "(the default indents)"
rm "$XDG_CONFIG_HOME/newsreader/config.yaml"

# errors
"$NEWSREADER" --dump "$T/nonexistent.md" >"$T/out" 2>"$T/err"; st=$?
is "$st" 1 "a missing file exits 1"
like "$(cat "$T/err")" "^newsreader: $T/nonexistent.md: " "and says which"
"$NEWSREADER" --dump >"$T/out" 2>"$T/err"; st=$?
is "$st" 2 "--dump without an ARTICLE is a usage error"
"$NEWSREADER" --dump "$seed" --width 0 >"$T/out" 2>"$T/err"; st=$?
is "$st" 2 "--width 0 is a usage error"
like "$(cat "$T/err")" "--width wants a number" "and says so"
"$NEWSREADER" --dump "$seed" --width 12x >"$T/out" 2>"$T/err"; st=$?
is "$st" 2 "--width 12x is a usage error"
"$NEWSREADER" --width 40 "$seed" >"$T/out" 2>"$T/err"; st=$?
is "$st" 2 "--width without --dump is a usage error"

# hostile text never reaches the terminal: controls in the body and title
printf -- '---\ntitle: "bad\\e]0;owned\\atitle"\n---\n\n<p>a\033[31mred\033[0m \302\233' >"$T/evil.md"
printf '2J b\342\200\256c</p>\n' >>"$T/evil.md"
"$NEWSREADER" --dump "$T/evil.md" --width 40 >"$T/out" 2>/dev/null
ok "$(LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$T/out"; [ $? -eq 1 ]; echo $?)" \
    "no control character from the article reaches stdout"
like "$(sed -n 5p "$T/out")" '^ared bc$' "escape sequences go whole, the spaces around them collapse"

# An escape written as a character reference goes whole too (libxml2
# alone drops only the ESC, and "[31m" or "]52;c;..." showed as text).
printf -- '---\ntitle: t\ndate: 2021-01-01\n---\n<p>a&#27;[31mred&#x1b;[0m b&#27;]52;c;aGk=&#7;c</p>\n' >"$T/ref.html"
"$NEWSREADER" --dump "$T/ref.html" --width 40 >"$T/out" 2>/dev/null
is "$(sed -n 5p "$T/out")" "ared bc" \
    "an escape written as &#27; goes whole, as a raw one"

# Markdown's named references are decoded, as numeric ones are.
printf -- '---\ntitle: t\ndate: 2021-01-01\n---\nA &amp; B &lt;c&gt; &copy; &#169; `&amp;`\n' >"$T/named.md"
"$NEWSREADER" --dump "$T/named.md" --width 40 >"$T/out" 2>/dev/null
is "$(sed -n 5p "$T/out")" "A & B <c> © © &amp;" \
    "Markdown: &amp; &lt; &gt; &copy; are decoded (not in a code span)"

done_testing

#!/bin/sh
# SPDX-License-Identifier: MIT
# Names that cannot be printed as they are: a path with a TAB, a newline
# or bytes that are not UTF-8, a category with a TAB. --list, --categories
# and warnings print them C-quoted ("a\tb.md", "caf\351.md"), the same in
# every mode, and --dump, --mark-read and --category take that form back;
# a literal name that exists still works. --json carries a path that is
# not UTF-8 in "path_quoted" as well.
. "${top_srcdir:-.}/tests/lib.sh"

export TZ=CST-8	# Asia/Shanghai, as a POSIX rule: no tzdata needed
D="$T/news"
mkdir -p "$D"
D=$(cd "$D" && pwd -P)
TAB=$(printf '\t')
DB="$T/n.db"

article() {	# article FILE TITLE [CATEGORY]: write a small article
	printf -- '---\ntitle: %s\ndate: 2021-12-03 09:20:34\ncategories: ["%s"]\n---\nbody of %s\n' \
	    "$2" "${3:-news}" "$2" >"$1"
}
article "$D/a${TAB}b.md" tabbed
article "$(printf '%s/caf\351.md' "$D")" latin1
article "$D/line
break.md" newline
article "$D/cat.md" category 'c\tat'
article "$D/\"q\".md" literal

# listed FILE-TITLE: the path field of that title's --list line
listed() {
	grep "${TAB}$1${TAB}" "$T/list" | cut -f4
}

"$NEWSREADER" --db "$DB" --list "$D" >"$T/list" 2>"$T/err"; st=$?
is "$st" 0 "--list: exit 0"
is "$(wc -l <"$T/list" | tr -d ' ')" 5 "one line per article, a newline in a name included"
is "$(listed tabbed)" "\"$D/a\\tb.md\"" "a TAB in a path is \\t, in quotes"
is "$(listed latin1)" "\"$D/caf\\351.md\"" "a byte that is not UTF-8 is octal"
is "$(listed newline)" "\"$D/line\\nbreak.md\"" "a newline is \\n"
is "$(listed literal)" "$D/\"q\".md" "a '\"' inside a path needs no quotes"
is "$(grep "${TAB}category${TAB}" "$T/list" | cut -f2)" '"c\tat"' \
    "a TAB in a category is \\t, in quotes"

# Each printed path names its file: --dump takes it back.
for t in tabbed latin1 newline; do
	p=$(listed $t)
	out=$("$NEWSREADER" --dump --width 40 "$p" 2>"$T/err"); st=$?
	is "$st" 0 "--dump of the quoted path $p: exit 0"
	is "$(printf '%s\n' "$out" | sed -n 1p)" "$t" "and it is that article"
done
out=$("$NEWSREADER" --dump --width 40 "$D/a${TAB}b.md" 2>&1); st=$?
is "$st:$(printf '%s\n' "$out" | sed -n 1p)" "0:tabbed" \
    "the literal path still works"
out=$(cd "$D" && "$NEWSREADER" --dump --width 40 '"q".md' 2>&1); st=$?
is "$st:$(printf '%s\n' "$out" | sed -n 1p)" "0:literal" \
    "a file whose literal name looks quoted is that file"

# --mark-read takes it back too.
"$NEWSREADER" --db "$DB" --mark-read "$(listed latin1)" 2>"$T/err"; st=$?
is "$st" 0 "--mark-read of a quoted path: exit 0"
"$NEWSREADER" --db "$DB" --list --unread "$D" >"$T/list" 2>/dev/null
is "$(grep -c "${TAB}latin1${TAB}" "$T/list")" 0 "and it is read"

# --categories prints the category quoted, --category takes that back.
"$NEWSREADER" --db "$DB" --categories "$D" >"$T/cats" 2>"$T/err"
is "$(grep -c '^"c\\tat"	1	1$' "$T/cats")" 1 \
    "--categories: a TAB in a category is \\t, in quotes"
q=$(grep '^"c' "$T/cats" | cut -f1)
"$NEWSREADER" --db "$DB" --list --category "$q" "$D" >"$T/list" 2>"$T/err"
is "$(cut -f3 "$T/list")" category "--category $q lists that category"
"$NEWSREADER" --db "$DB" --list --category "c${TAB}at" "$D" >"$T/list" 2>&1
is "$(cut -f3 "$T/list")" category "and so does the name itself"

# --json: the path as a JSON string (a TAB is \t); one that is not UTF-8
# is there with U+FFFD, and exactly in "path_quoted".
"$NEWSREADER" --db "$DB" --list --json "$D" >"$T/json" 2>"$T/err"
like "$(grep '"tabbed"' "$T/json")" "\"path\":\"$D/a\\\\tb.md\"" \
    "--json: a TAB in a path is \\t"
is "$(grep -c '"path_quoted"' "$T/json")" 1 \
    "only a path that is not UTF-8 has path_quoted"
like "$(grep '"latin1"' "$T/json")" \
    "\"path\":\"$D/caf�.md\",\"path_quoted\":\"\\\\\"$D/caf\\\\\\\\351.md\\\\\"\"" \
    "path has U+FFFD; path_quoted is the quoted form, as --list prints it"

# A warning names the file the same way.
printf -- '---\ntitle: undated\n---\nx\n' >"$T/u${TAB}d.md"
"$NEWSREADER" --db "$T/w.db" --list "$T/u${TAB}d.md" >/dev/null 2>"$T/err"
like "$(cat "$T/err")" "^newsreader: \"$T/u\\\\td.md\": no date" \
    "a warning quotes the path as --list does"
"$NEWSREADER" --db "$DB" --mark-read "$D/no${TAB}such.md" 2>"$T/err"
is "$(cat "$T/err")" "newsreader: \"$D/no\\tsuch.md\": no such article" \
    "so does the message for an operand that names nothing"

# --tags and --authors print a name with a TAB quoted, as --categories
# does, and --tag and --author take that form back.
mkdir -p "$T/tags"
printf -- '---\ntitle: tagged\ntags: ["t\\tg", plain]\nauthor: "a\\tb"\ndate: 2021-01-01\n---\nbody\n' \
    >"$T/tags/x.md"
"$NEWSREADER" --db "$T/tags.db" --tags "$T/tags" >"$T/out" 2>"$T/err"
is "$(grep -v '^plain' "$T/out")" "\"t\\tg\"${TAB}1${TAB}1" "--tags: a TAB in a tag is \\t, in quotes"
"$NEWSREADER" --db "$T/tags.db" --authors --no-scan >"$T/out"
is "$(cat "$T/out")" "\"a\\tb\"${TAB}1${TAB}1" "--authors: the same"
is "$("$NEWSREADER" --db "$T/tags.db" --list --no-scan --tag "$(head -1 "$T/out" | cut -f1 | sed 's/a/t/; s/b/g/')" | cut -f3)" \
    tagged "--tag takes the quoted form back"
is "$("$NEWSREADER" --db "$T/tags.db" --list --no-scan --author "$(cut -f1 "$T/out")" | cut -f3)" \
    tagged "--author too"

done_testing

#!/bin/sh
# SPDX-License-Identifier: MIT
# The golden test over the real posts in $NR_CORPUS (public Hexo archives):
# every file parses with the title, date, categories, tags and format in
# tests/fixtures/golden/corpus.tsv, which was generated once with corpus-dump and
# checked by eye against the files. Then --list over the same tree must
# agree with it, file for file.
. "${top_srcdir:-.}/tests/lib.sh"

[ -n "$NR_CORPUS" ] && [ -d "$NR_CORPUS" ] || skip_all "no corpus at '$NR_CORPUS'"
export TZ=CST-8	# Asia/Shanghai, as a POSIX rule: no tzdata needed
G="$top_srcdir/tests/fixtures/golden/corpus.tsv"
DUMP="$top_builddir/tests/corpus-dump"
TAB=$(printf '\t')

cd "$NR_CORPUS" || exit 1
# Every file but the index, dot names too (named, they are read).
find . -type f ! -name SOURCES.tsv -print0 | LC_ALL=C sort -z |
    xargs -0 "$DUMP" | sed 's|^\./||' >"$T/got.tsv"
is_file "$T/got.tsv" "$G" "every corpus file parses as the golden file says"
is "$(wc -l <"$T/got.tsv" | tr -d ' ')" \
    "$(find . -type f ! -name SOURCES.tsv | wc -l | tr -d ' ')" \
    "one line per file"
is "$(grep -c "${TAB}refused: " "$T/got.tsv")" 0 "no file is refused"

# --list over the tree: the same files (but dot names, which a walk
# skips), with the golden title, first category and date to the minute.
# (Paths as given: under the operand ., as find . prints them.)
"$NEWSREADER" --list . 2>/dev/null | sed "s|${TAB}\./|${TAB}|" |
    awk -F"$TAB" -v OFS="$TAB" '{ print $4, $3, $2, $1 }' |
    LC_ALL=C sort >"$T/list.tsv"
awk -F"$TAB" -v OFS="$TAB" '
	{ n = split($2, p, "/"); }
	$1 ~ /(^|\/)\./ { next }
	{
		cat = $4; sub(/ \| .*/, "", cat); if (cat == "-") cat = "未分类"
		print $1, $2, cat, $3
	}' "$G" | LC_ALL=C sort >"$T/want.tsv"
# Dates: the golden has UTC; --list prints local (Asia/Shanghai) minutes.
while IFS="$TAB" read -r path title cat d; do
	if [ "$d" = mtime ]; then
		d=$(date -d "@$(stat -c %Y "$path")" '+%Y-%m-%d %H:%M')
	else
		d=$(date -d "$d" '+%Y-%m-%d %H:%M')
	fi
	printf '%s\t%s\t%s\t%s\n' "$path" "$title" "$cat" "$d"
done <"$T/want.tsv" >"$T/want2.tsv"
is "$(wc -l <"$T/list.tsv" | tr -d " ")" "$(grep -vc "^[^$TAB]*/\\.[^/$TAB]*$TAB" "$G")" \
    "--list lists every file but the dot names"
is_file "$T/list.tsv" "$T/want2.tsv" "--list agrees with the golden file"

done_testing

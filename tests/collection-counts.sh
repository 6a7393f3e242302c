#!/bin/sh
# SPDX-License-Identifier: MIT
# The collection's counts agree with counts made independently of it, on a
# generated corpus (bench/gen-corpus):
#   --categories   with an awk reading of the files' front matter;
#   --search       with grep -rl over the files: 1-, 2-, 3- and 6-character
#                  Chinese queries (grep -rlF), and Latin words (grep -rliF,
#                  as our Latin match is case-insensitive).
# Why grep is a fair judge here (gen-corpus's own rules, checked below):
# Chinese text occurs only in the fields we index (title, categories,
# author, tags, the paragraphs), never in markup or other keys; the Latin
# test words occur only in paragraph text, between spaces, and none is a
# prefix of another word, so grep's substring count equals our prefix
# count; no paragraph runs into the next without a sentence-ending mark.
. "${top_srcdir:-.}/tests/lib.sh"

GEN="$top_builddir/bench/gen-corpus"
[ -x "$GEN" ] || skip_all "bench/gen-corpus is not built"
N=1500
C="$T/corpus"
"$GEN" "$N" "$C" || skip_all "gen-corpus failed"
DB="$T/nr.db"
nr() { "$NEWSREADER" --db "$DB" "$@"; }

files=$(find "$C" -type f -name '*.md' | wc -l)
is "$files" "$N" "the generator wrote $N files"

# gen-corpus's promises that make grep a fair count.
bad=$(LC_ALL=C grep -rlE '^(headimg|thumbnail|date|comments):.*[^ -~]' "$C" | wc -l)
is "$bad" 0 "no Chinese in the keys we do not index"
bad=$(grep -rliE '^(headimg|thumbnail|date|comments|title|author|tags):.*(python|tesla|omicron|covid|netflix)' "$C" | wc -l)
is "$bad" 0 "the Latin test words occur only in the text"
bad=$(grep -rhoE '<[^>]*>' "$C" | LC_ALL=C grep -c '[^ -~]')
is "$bad" 0 "no markup holds a non-ASCII byte"

out=$(nr --list "$C" --verbose 2>&1 >/dev/null)
like "$out" "scanned $N, parsed $N, removed 0 in [0-9.]+ s" "the first scan parses every file"
n=$(nr --list --no-scan | wc -l)
is "$n" "$N" "--list shows every article"

# --- categories, against the front matter read by awk ---------------------
find "$C" -type f -name '*.md' | sort | xargs awk '
	FNR == 1 { incat = 0; path = ""; delete seen }
	/^categories:/ { incat = 1; next }
	incat && /^ - / {
		name = substr($0, 4)
		path = path == "" ? name : path "/" name
		if (!(path in seen)) { seen[path] = 1; count[path]++ }
		next
	}
	{ incat = 0 }
	END { for (p in count) printf "%s\t%d\n", p, count[p] }' |
	LC_ALL=C sort >"$T/cats.want"
nr --categories --no-scan | cut -f1,2 | LC_ALL=C sort >"$T/cats.got"
is_file "$T/cats.got" "$T/cats.want" "--categories counts every subtree as awk does"
nodes=$(wc -l <"$T/cats.want")
ok "$([ "$nodes" -gt 20 ] && echo 0 || echo 1)" "and the tree is not trivial ($nodes nodes)"
unread=$(nr --categories --no-scan | awk -F'\t' '$2 != $3' | wc -l)
is "$unread" 0 "every article starts unread"

# The tree order: each node right before its children, siblings sorted.
nr --categories --no-scan | cut -f1 >"$T/order"
awk -F/ '{ key = $1; for (i = 2; i <= NF; i++) key = key "\001" $i; print key }' \
	"$T/order" >"$T/order.keys"
LC_ALL=C sort "$T/order.keys" >"$T/order.sorted"
is_file "$T/order.keys" "$T/order.sorted" "--categories is in tree order"

# Each node's count is also what --list --category prints.
for p in 新媒体 新媒体/趣头条 财经/澎湃新闻/快讯; do
	want=$(awk -F'\t' -v p="$p" '$1 == p { print $2 }' "$T/cats.want")
	got=$(nr --list --no-scan --category "$p" | wc -l)
	is "$got" "${want:-0}" "--list --category $p lists its subtree"
done

# Unread counts after marking some articles read.
ids=$(nr --list --no-scan --category 博客 | awk -F'\t' 'NR % 3 == 0 { print $NF }')
nmarked=$(echo "$ids" | wc -w)
# shellcheck disable=SC2086
nr --mark-read $ids
st=$?
is "$st" 0 "--mark-read takes many ids"
line=$(nr --categories --no-scan | awk -F'\t' '$1 == "博客"')
total=$(echo "$line" | cut -f2)
is "$(echo "$line" | cut -f3)" "$((total - nmarked))" "the unread count drops by those marked"
is "$(nr --list --no-scan --category 博客 --unread | wc -l)" "$((total - nmarked))" \
	"--unread --category lists that many"

# --- search, against grep ---------------------------------------------------
for q in 港 疫 卫生 芯片 火车站 无症状 世界卫生组织 新能源汽车 情防 趣头条 疴壮 芯片直播 碳中和营商; do
	want=$(grep -rlF "$q" "$C" | wc -l)
	got=$(nr --list --no-scan --search "$q" | wc -l)
	is "$got" "$want" "--search $q (${#q} bytes) finds what grep -rlF finds"
done
for q in python Tesla COVID omicron NETFLIX; do
	want=$(grep -rliF "$q" "$C" | wc -l)
	got=$(nr --list --no-scan --search "$q" | wc -l)
	is "$got" "$want" "--search $q finds what grep -rliF finds"
done
# A phrase across a word boundary, and punctuation, as grep sees them.
for q in "，火车站" "港口。" "Python 和"; do
	want=$(grep -rlF "$q" "$C" | wc -l)
	got=$(nr --list --no-scan --search "\"$q\"" | wc -l)
	is "$got" "$want" "--search \"$q\" as grep -rlF"
done
# Terms are ANDed.
want=$(grep -rlF 火车站 "$C" | xargs grep -lF 芯片 | wc -l)
got=$(nr --list --no-scan --search "火车站 芯片" | wc -l)
is "$got" "$want" "two terms are ANDed"
# A search within a category.
want=$(grep -rlF 无症状 "$C/新媒体" | wc -l)
got=$(nr --list --no-scan --category 新媒体 --search 无症状 | wc -l)
ok "$([ "$got" -ge "$want" ] && [ "$want" -gt 0 ] && echo 0 || echo 1)" \
	"--search within --category (the subtree holds at least the directory's $want)"

# The text lines are read without the article (collection_query_lines),
# --json with it: the same articles, in the same order, for a common and
# a rare search and for everything.
for q in 港 情防 ""; do
	nr --list --no-scan ${q:+--search "$q"} | awk -F'\t' '{ print $NF }' >"$T/ids.text"
	nr --list --no-scan --json ${q:+--search "$q"} |
		sed 's/.*"id":\([0-9]*\).*/\1/' >"$T/ids.json"
	ok "$([ -s "$T/ids.text" ] && echo 0 || echo 1)" "--list ${q:-(all)} lists something"
	is_file "$T/ids.text" "$T/ids.json" "--list ${q:-(all)}: text and --json agree, row by row"
done

# Newest first: the dates of a search's results never rise.
nr --list --no-scan --search 火车站 | cut -f1 >"$T/dates"
sort -r "$T/dates" >"$T/dates.sorted"
is_file "$T/dates" "$T/dates.sorted" "search results are newest first"
n=$(nr --list --no-scan --search 火车站 --sort rank | wc -l)
is "$n" "$(grep -rlF 火车站 "$C" | wc -l)" "--sort rank lists the same articles"

done_testing

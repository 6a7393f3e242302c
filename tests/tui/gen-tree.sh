#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/tui/gen-tree.sh DIR: the articles the margin tests read. A long
# article of plain paragraphs with a bold word and a link in each (so
# the lines written between margins carry attributes), in a category of
# its own, 长文, beside a tree of a dozen rows from seven short ones.
set -eu
dir=$1
mkdir -p "$dir"
{
	printf -- '---\ntitle: 长段落\ndate: 2021-01-01\ncategories: [长文]\n---\n\n'
	for p in 1 2 3 4 5 6; do
		i=1
		while [ $i -le 30 ]; do
			printf '第%s段第%s句，文字。' $p $i
			[ $i = 7 ] && printf '**粗体%s**，[链接%s](https://example.com/%s)。' $p $p $p
			i=$((i + 1))
		done
		printf '\n\n'
	done
} >"$dir/long.md"
for c in 科技/芯片 科技/手机 财经/股市 财经/银行 体育 文化/电影 文化/图书; do
	f=$(printf '%s' "$c" | tr '/' '-')
	printf -- '---\ntitle: %s新闻\ndate: 2021-02-01\ncategories: [%s]\n---\n\n正文。\n' \
	    "$f" "$(printf '%s' "$c" | sed 's|/|, |')" >"$dir/$f.md"
done

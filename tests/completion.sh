#!/bin/sh
# SPDX-License-Identifier: MIT
# Shell completion: the bash script sourced and run as bash would run it
# (COMP_WORDS, COMP_CWORD, then COMPREPLY), on a collection whose
# categories, tags and authors are known; the zsh script's options
# against --help's.
. "${top_srcdir:-.}/tests/lib.sh"

BASH_COMP="$top_srcdir/completions/newsreader.bash"
ZSH_COMP="$top_srcdir/completions/_newsreader"
command -v bash >/dev/null 2>&1 || skip_all "bash is not installed"

# "newsreader" on PATH, as a user has it.
mkdir -p "$T/bin" "$T/news"
ln -s "$NEWSREADER" "$T/bin/newsreader"
PATH="$T/bin:$PATH"
export NEWSREADER_DB="$T/c.db"
printf -- '---\ntitle: a\ndate: 2021-01-01\ncategories: [新媒体, 趣头条]\ntags: [新闻, two words]\nauthor: 张三\n---\n' >"$T/news/a.md"
printf -- '---\ntitle: b\ndate: 2021-01-02\ncategories: [新闻]\nauthor: 李四\n---\n' >"$T/news/b.md"
printf -- '---\ntitle: c\ndate: 2021-01-03\ncategories: [旧闻]\n---\n' >"$T/news/c.md"
newsreader --list "$T/news" >/dev/null

# complete WORD...: what bash's completion of the last word gives, one a line.
complete_words() {
	bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
	    _newsreader; printf "%s\n" "${COMPREPLY[@]}"' sh "$BASH_COMP" "$@"
}

is "$(complete_words newsreader --category 新 | tr '\n' ' ')" \
    "新媒体 新媒体/趣头条 新闻 " "newsreader --category 新 completes to the categories under 新"
is "$(complete_words newsreader --category '' | wc -l | tr -d ' ')" 4 \
    "--category with nothing typed: every category"
is "$(complete_words newsreader --tag '' | tr '\n' '|')" \
    "two\\ words|新闻|" "--tag: the tags, a space quoted"
is "$(complete_words newsreader --author 张 | tr '\n' ' ')" "张三 " "--author: the authors"
is "$(complete_words newsreader --sort '' | tr '\n' ' ')" "date title path rank " \
    "--sort: its keys"
mkdir -p "$T/other"
printf -- '---\ntitle: o\ndate: 2021-01-01\ncategories: [其他]\n---\n' >"$T/other/o.md"
newsreader --db "$T/other.db" --list "$T/other" >/dev/null
is "$(complete_words newsreader --db "$T/other.db" --category '' | tr '\n' ' ')" "其他 " \
    "the database the command line names is the one asked"

# Every option of --help, and only those, in both scripts.
"$NEWSREADER" --help | sed -n 's/^ *\(-[A-Za-z], \)\{0,1\}\(--[a-z][a-z-]*\).*/\2/p' |
    sort >"$T/help"
complete_words newsreader -- | sort >"$T/bash"
is_file "$T/bash" "$T/help" "bash completes every option of --help, and no other"
grep -o "'--[a-z][a-z-]*\[" "$ZSH_COMP" | tr -d "'[" | sort >"$T/zsh"
grep -o "{-[A-Za-z],--[a-z-]*}" "$ZSH_COMP" | sed 's/.*,//; s/}//' >>"$T/zsh"
sort -o "$T/zsh" "$T/zsh"
is_file "$T/zsh" "$T/help" "the zsh script has every option of --help, and no other"
if command -v zsh >/dev/null 2>&1; then
	zsh -n "$ZSH_COMP"
	ok $? "the zsh script parses"
else
	skip "zsh is not installed"
fi

done_testing

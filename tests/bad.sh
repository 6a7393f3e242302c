#!/bin/sh
# SPDX-License-Identifier: MIT
# Malformed files (tests/fixtures/bad, and a few made here at run time):
# each gives exactly its expected warning lines on stderr and, unless it
# is refused, is still listed with the fallbacks (title from the file
# name, date from the mtime, category 未分类).
. "${top_srcdir:-.}/tests/lib.sh"

# --list reads the collection (issue 3): warnings come when a file is
# parsed, so each listing below uses a database of its own; a line ends in
# the article's id, which the comparisons cut off.
# nrlist DB ARG...: run --list; sets st and out (the first four fields)
nrlist() {
	db=$1; shift
	"$NEWSREADER" --db "$db" --list "$@" >"$T/o"; st=$?
	out=$(cut -f1-4 "$T/o")
}

export TZ=CST-8	# Asia/Shanghai, as a POSIX rule: no tzdata needed
# Physical and normal, as the collection stores paths (realpath).
B=$(cd "$top_srcdir/tests/fixtures/bad" && pwd -P)
TAB=$(printf '\t')

# mtime FILE: the file's mtime as --list prints it
mtime() {
	date -d "@$(stat -c %Y "$1")" '+%Y-%m-%d %H:%M'
}

# check FILE EXIT TITLE CATEGORY DATE WARNINGS: list FILE alone and compare
check() {
	f=$1 name=$(basename "$1")
	nrlist "$T/$name.db" "$f" 2>"$T/err"
	is "$st" "$2" "$name: exit $2"
	want=$(printf '%s' "$6" | tr '|' '\n' | sed "s|@|$f|g")
	is "$(cat "$T/err")" "$want" "$name: exactly the expected warnings"
	if [ "$3" = "-" ]; then
		is "$out" "" "$name: refused, not listed"
		return
	fi
	[ "$5" = mtime ] && d=$(mtime "$f") || d=$5
	is "$out" "$d$TAB$4$TAB$3$TAB$f" "$name: listed with its fallbacks"
}

n=0
while IFS="$TAB" read -r file st title cat d warns; do
	case $file in '#'*|'') continue ;; esac
	[ -f "$B/$file" ] || { ok 1 "$file exists"; continue; }
	check "$B/$file" "$st" "$title" "$cat" "$d" "$warns"
	n=$((n + 1))
done <"$B/expected.tsv"
is "$(ls "$B" | grep -c '\.md$')" "$n" "every fixture has an expected line"

# The whole directory in one run: exit 0, every warning once, in order.
"$NEWSREADER" --db "$T/dir.db" --list "$B" >"$T/out" 2>"$T/err"; st=$?
is "$st" 0 "the directory: exit 0 (faults in files are warnings)"
want=$(grep -v '^#' "$B/expected.tsv" | cut -f6 | grep -v '^$' |
    tr '|' '\n' | wc -l | tr -d ' ')
is "$(wc -l <"$T/err" | tr -d ' ')" "$want" "the directory: every warning, once"
is "$(wc -l <"$T/out" | tr -d ' ')" \
    "$(grep -v '^#' "$B/expected.tsv" | awk -F'\t' '$3 != "-"' | wc -l | tr -d ' ')" \
    "the directory: every file not refused is listed"
n=$(od -An -v -tx1 "$T/out" | tr -s ' \n' '\n\n' | grep -c '^1b$')
is "$n" 0 "no ESC byte reaches stdout"

# --- faults made at run time ---
R="$T/runtime"
mkdir -p "$R/loop/inner"
printf -- '---\ntitle: inside\ndate: 2021-12-03 09:20:34\n---\nbody\n' >"$R/loop/inner/a.md"
ln -s .. "$R/loop/inner/back"
nrlist "$T/loop.db" "$R/loop" 2>"$T/err"
is "$st" 0 "symlink loop: exit 0"
is "$(cat "$T/err")" \
    "newsreader: $R/loop/inner/back: symbolic link loop (a directory that contains itself); skipped" \
    "symlink loop: one warning, no hang"
is "$out" "2021-12-03 09:20${TAB}未分类${TAB}inside${TAB}$R/loop/inner/a.md" \
    "symlink loop: the file is listed once"

# Over 64 MiB: a sparse file, skipped with a warning.
mkdir -p "$R/big"
if truncate -s 65M "$R/big/too-big.md" 2>/dev/null; then
	nrlist "$T/big.db" "$R/big" 2>"$T/err"
	is "$(cat "$T/err")" \
	    "newsreader: $R/big/too-big.md: file too big (68157440 bytes; the limit is 64 MiB)" \
	    "a file over 64 MiB: skipped with a warning"
	is "$out" "" "and not listed"
	is "$st" 0 "in a directory: exit 0"
else
	skip "truncate cannot make a sparse file here"; skip ""; skip ""
fi
rm -f "$R/big/too-big.md"

# An unreadable file. Root reads anything whatever its mode, so as root
# the test drops to the nobody user (setpriv), which is what a real user
# meets; without setpriv it is skipped rather than faked.
mkdir -p "$R/locked"
printf -- '---\ntitle: secret\ndate: 2021-12-03 09:20:34\n---\n' >"$R/locked/secret.md"
printf -- '---\ntitle: open\ndate: 2021-12-03 09:20:34\n---\n' >"$R/locked/open.md"
chmod 000 "$R/locked/secret.md"
run_as_user=""
if [ "$(id -u)" -eq 0 ]; then
	if command -v setpriv >/dev/null 2>&1 &&
	    setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
		run_as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
		chmod 755 "$T" "$R" "$R/locked"
	fi
fi
if [ "$(id -u)" -ne 0 ] || [ -n "$run_as_user" ]; then
	if $run_as_user test -x "$NEWSREADER" 2>/dev/null; then
		mkdir -p "$T/nobody" && chmod 777 "$T/nobody"
		out=$($run_as_user "$NEWSREADER" --db "$T/nobody/nr.db" --list "$R/locked" 2>"$T/err"); st=$?
		is "$(cat "$T/err")" \
		    "newsreader: $R/locked/secret.md: cannot open: Permission denied" \
		    "an unreadable file: one warning"
		is "$(printf '%s\n' "$out" | cut -f3)" "open" "the others are listed"
		is "$st" 0 "in a directory: exit 0"
	else
		skip "the binary is not reachable as nobody"; skip ""; skip ""
	fi
else
	skip "root without setpriv: cannot test an unreadable file"; skip ""; skip ""
fi
chmod 644 "$R/locked/secret.md"

# A FIFO with an article's name: skipped, never read (a read would hang).
mkdir -p "$R/fifo"
if mkfifo "$R/fifo/pipe.md" 2>/dev/null; then
	nrlist "$T/fifo.db" "$R/fifo" 2>"$T/err"
	is "$(cat "$T/err")" "newsreader: $R/fifo/pipe.md: not a regular file; skipped" \
	    "a FIFO named .md: one warning, no hang"
else
	skip "no mkfifo"
fi

done_testing

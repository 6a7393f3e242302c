#!/bin/sh
# SPDX-License-Identifier: MIT
# Feedback on long work (issue 12, 5): a scan shows its progress on one
# self-overwriting stderr line when stderr is a terminal (files seen,
# parsed, rate, elapsed), wiped at the end; nothing when stderr is not a
# terminal, nothing with --quiet. --verbose lists what the walk leaves
# out (hidden files such as a post named ".md", hidden folders) beside
# the warnings about files too big or unreadable.
. "${top_srcdir:-.}/tests/lib.sh"

GEN="$top_builddir/bench/gen-corpus"
[ -x "$GEN" ] || skip_all "bench/gen-corpus is not built"
command -v script >/dev/null 2>&1 || need "script (util-linux) is not installed"
"$GEN" 3000 "$T/news" || skip_all "gen-corpus failed"
CR=$(printf '\r')

# on_tty FILE CMD: run CMD with stdout and stderr on a terminal, what it
# wrote in FILE
on_tty() {
	f=$1; shift
	script -qec "$*" /dev/null >"$f" 2>&1 </dev/null
}

on_tty "$T/tty" "'$NEWSREADER' --db '$T/a.db' --list '$T/news' >'$T/list.out'"
is "$?" 0 "a scan with stderr on a terminal succeeds"
like "$(tr '\r' '\n' <"$T/tty")" '^newsreader: scanning: [0-9]+ files seen, [0-9]+ of 3000 parsed, [0-9]+/s, [0-9.]+ s' \
	"it shows the files seen and parsed, the rate and the time"
ok "$(grep -c "$CR" "$T/tty" >/dev/null && [ "$(grep -c '' "$T/tty")" -le 1 ] && echo 0 || echo 1)" \
	"on one line, overwritten in place"
last=$(tr '\r' '\n' <"$T/tty" | grep -v '^$' | tail -1)
is "$(printf '%s' "$last" | tr -d ' ')" "" "wiped at the end"
is "$(wc -l <"$T/list.out" | tr -d ' ')" 3000 "and stdout is the listing, untouched"
ok "$(grep -q "$(printf '\033')" "$T/tty" && echo 1 || echo 0)" "with no escape sequence"

touch "$T/news/"*/0000001.md
"$NEWSREADER" --db "$T/a.db" --list "$T/news" >/dev/null 2>"$T/pipe.err"
is "$(cat "$T/pipe.err")" "" "stderr not a terminal: no progress"

find "$T/news" -name '*.md' -exec touch {} +
on_tty "$T/quiet" "'$NEWSREADER' --db '$T/a.db' --quiet --list '$T/news' >/dev/null"
is "$?:$(cat "$T/quiet")" "0:" "--quiet: nothing, even on a terminal"

# --verbose: what the walk leaves out, and why.
mkdir -p "$T/v/posts" "$T/v/.drafts"
cp "$(find "$T/news" -name '*.md' | head -1)" "$T/v/posts/ok.md"
cp "$T/v/posts/ok.md" "$T/v/posts/.md"
cp "$T/v/posts/ok.md" "$T/v/posts/.draft.md"
cp "$T/v/posts/ok.md" "$T/v/.drafts/d.md"
: >"$T/v/posts/.DS_Store"
truncate -s 65M "$T/v/posts/huge.md"
ln -s "$T/v/posts/nowhere.md" "$T/v/posts/gone.md"
"$NEWSREADER" --db "$T/v.db" --verbose --list "$T/v" >/dev/null 2>"$T/v.err"
grep -v '^newsreader: scanned' "$T/v.err" | sed "s|$T/v/||" | sort >"$T/v.got"
cat >"$T/v.want" <<WANT
newsreader: .drafts: a hidden folder (its name begins with '.'); skipped
newsreader: posts/.draft.md: a hidden file (its name begins with '.'); skipped
newsreader: posts/.md: a hidden file (its name begins with '.'); skipped
newsreader: posts/gone.md: broken symbolic link
newsreader: posts/huge.md: file too big (68157440 bytes; the limit is 64 MiB)
WANT
is_file "$T/v.got" "$T/v.want" "--verbose lists the hidden files and folders beside the files too big or unreadable"
"$NEWSREADER" --db "$T/v2.db" --list "$T/v" >/dev/null 2>"$T/v2.err"
ok "$(grep -q 'hidden' "$T/v2.err" && echo 1 || echo 0)" "without --verbose, the hidden ones are not named"
# An unreadable file, named too (always, --verbose or not). Root reads
# anything, so as root the scan runs as nobody (setpriv), as bad.sh does.
cp "$T/v/posts/ok.md" "$T/v/posts/locked.md" && chmod 000 "$T/v/posts/locked.md"
as=""
mkdir -p "$T/nobody"
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1; then
	as="setpriv --reuid=65534 --regid=65534 --clear-groups"
	chmod 755 "$T" "$T/v" "$T/v/posts" "$T/v/.drafts"
	chmod 777 "$T/nobody"
fi
if [ "$(id -u)" -ne 0 ] || [ -n "$as" ]; then
	$as "$NEWSREADER" --db "$T/nobody/v3.db" --verbose --list "$T/v" \
	    >/dev/null 2>"$T/v3.err"
	like "$(cat "$T/v3.err")" "posts/locked.md: .*Permission denied" \
	    "an unreadable file is named"
else
	skip "root without setpriv: every file is readable"
fi

done_testing

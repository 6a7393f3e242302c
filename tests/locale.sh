#!/bin/sh
# SPDX-License-Identifier: MIT
# The locale: a LANG that is not UTF-8 falls back to C.UTF-8 (the screen
# says so: tests/tui/term.sh); when no UTF-8 locale can be had at all,
# newsreader stops at once with a message that names LANG. That last case
# is made with tests/fake-codeset.so preloaded, which says every locale's
# codeset is ASCII.
. "${top_srcdir:-.}/tests/lib.sh"

fake="$top_builddir/tests/fake-codeset.so"
[ -f "$fake" ] || need "tests/fake-codeset.so is not built"
DATA="$top_srcdir/data"

# LANG=C: C.UTF-8 is used, and the listing comes out in Chinese.
out=$(env -u LC_ALL LANG=C "$NEWSREADER" --db "$T/db" --list "$DATA" 2>"$T/err")
is "$?" 0 "LANG=C: newsreader runs"
like "$out" '新媒体' "and writes Chinese (C.UTF-8)"

# No UTF-8 locale at all: exit 1, and the message names LANG.
# (An ASan build wants its runtime first among the libraries; the
# preloaded one goes before it, which is fine here.)
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
export ASAN_OPTIONS
out=$(env -u LC_ALL LANG=C LD_PRELOAD="$fake" \
    "$NEWSREADER" --db "$T/db" --list "$DATA" 2>"$T/err")
is "$?" 1 "no UTF-8 locale: exit 1"
is "$out" "" "and nothing listed"
like "$(cat "$T/err")" '^newsreader: no UTF-8 locale is available \(LANG=C\); .*C\.UTF-8' \
    "the message names LANG and suggests C.UTF-8"
out=$(env -u LC_ALL -u LANG LD_PRELOAD="$fake" \
    "$NEWSREADER" --db "$T/db" --list "$DATA" 2>"$T/err")
like "$(cat "$T/err")" '\(LANG=\)' "LANG unset is named as empty"

done_testing

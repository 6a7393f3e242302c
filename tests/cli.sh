#!/bin/sh
# SPDX-License-Identifier: MIT
# The command line's conventions: --help, --version, usage errors.
. "${top_srcdir:-.}/tests/lib.sh"

out=$("$NEWSREADER" --help); st=$?
is "$st" 0 "--help exits 0"
like "$out" '^Usage: newsreader' "--help prints the usage"
like "$out" '--version' "--help lists the options"
wide=$(printf '%s\n' "$out" | awk 'length($0) > 79' | wc -l)
is "$wide" 0 "--help fits 80 columns"

out=$("$NEWSREADER" --version); st=$?
is "$st" 0 "--version exits 0"
like "$out" '^newsreader [0-9]+\.[0-9]+' "--version prints the version"
like "$(printf '%s\n' "$out" | sed -n 2p)" '^Copyright \(C\) [0-9]{4} the newsreader authors$' \
	"then the copyright line"
like "$(printf '%s\n' "$out" | sed -n 3p)" '^License MIT' "then the licence"
is "$("$NEWSREADER" -V | head -1)" "$(printf '%s\n' "$out" | head -1)" "-V is --version"
ok "$(head -1 "$top_srcdir/COPYING" | grep -q '^MIT License$'; echo $?)" \
	"COPYING holds the MIT licence"

err=$("$NEWSREADER" --no-such-option 2>&1 >/dev/null); st=$?
is "$st" 2 "an unknown option exits 2"
like "$err" "unknown option '--no-such-option'" "and names the option"

done_testing

#!/bin/sh
# SPDX-License-Identifier: MIT
# The manual pages: both pass groff's and mandoc's checks (a message is
# allowed only when it is listed, with why, in ALLOWED below); the options
# of --help and of newsreader(1) are the same set, both ways; and
# newsreader.conf(5) covers every setting, colour element and command,
# with an example file that reads back without a fault.
. "${top_srcdir:-.}/tests/lib.sh"

PAGES="$top_srcdir/man/newsreader.1 $top_srcdir/man/newsreader.conf.5"

# Messages explained, one extended regular expression a line. None is
# needed today; add one here with a comment saying why it is harmless.
ALLOWED='^$'

# lint NAME CMD...: run the checker on every page; no message may be left
# once the explained ones are taken out.
lint() {
	name=$1; shift
	for page in $PAGES; do
		"$@" "$page" >"$T/lint" 2>&1
		left=$(grep -Ev "$ALLOWED" "$T/lint")
		is "$left" "" "$name: $(basename "$page") has no unexplained message"
	done
}

if command -v groff >/dev/null 2>&1; then
	lint groff groff -k -Tutf8 -man -ww -z
else
	skip "groff is not installed"
fi
MANDOC=${MANDOC:-mandoc}
if command -v "$MANDOC" >/dev/null 2>&1; then
	lint mandoc "$MANDOC" -T lint -W all
else
	skip "mandoc is not installed (tools/install-deps --test installs it)"
fi

# The options, both ways: --help's and those newsreader.1 describes (the
# lines after .TP and .TQ in OPTIONS).
"$NEWSREADER" --help |
    sed -n 's/^ *\(-\([A-Za-z]\), \)\{0,1\}\(--[a-z][a-z-]*\).*/\2 \3/p' |
    tr ' ' '\n' | sed '/^$/d; s/^\([A-Za-z]\)$/-\1/' | sort -u >"$T/help"
sed -n '/^\.SH OPTIONS/,/^\.SH /p' "$top_srcdir/man/newsreader.1" |
    awk '/^\.T[PQ]/ { getline; print }' | sed 's/\\-/-/g' |
    grep -oE '(^|[ "])--?[A-Za-z][a-z-]*' | tr -d ' "' | sort -u >"$T/man"
is_file "$T/man" "$T/help" "newsreader.1 describes exactly the options of --help"

# newsreader.conf(5): every setting, element and command.
conf5="$top_srcdir/man/newsreader.conf.5"
sed 's/\\-/-/g' "$conf5" >"$T/conf5"
"$NEWSREADER" --config /dev/null --print-config >"$T/defaults.yaml" 2>/dev/null ||
    "$NEWSREADER" --print-config >"$T/defaults.yaml"
missing=""
for k in $(sed -n 's/^\([a-z0-9]*\): .*/\1/p' "$T/defaults.yaml") timezone; do
	grep -Eq "^\.BR $k \" \(.*default" "$T/conf5" || missing="$missing $k"
done
for k in $(sed -n 's/^\([a-z0-9]*\):$/\1/p' "$T/defaults.yaml"); do
	grep -Eq "^\.BR $k \" \(" "$T/conf5" || missing="$missing $k"
done
is "$missing" "" "every setting is described with its type and default"
missing=""
for e in $(sed -n '/^colors:/,/^[a-z]/s/^  \([a-z-]*\):.*/\1/p' "$T/defaults.yaml"); do
	grep -Eq "^\.BR $e \" \(default " "$T/conf5" || missing="$missing $e"
done
is "$missing" "" "every colour element, with its default"
missing=""
for c in $(sed -n 's/^	\[UI_CMD_[A-Z_]*\] = { "\([a-z-]*\)".*/\1/p' \
    "$top_srcdir/src/ui-command.c"); do
	grep -q "^\.B $c\$" "$T/conf5" || missing="$missing $c"
done
is "$missing" "" "every command keys accepts"
# The example, taken out of the page, is a file without a fault.
sed -n '/^\.SH EXAMPLE/,/^\.SH /p' "$T/conf5" | sed -n '/^\.EX/,/^\.EE/p' |
    sed '1d;$d; s/\\e/\\/g; s/^\\&//' >"$T/example.yaml"
err=$("$NEWSREADER" --config "$T/example.yaml" --print-config 2>&1 >"$T/example.out")
is "$err" "" "the example file reads without a fault"
like "$(cat "$T/example.out")" '^    r: none$' "and is the complete file it says"
like "$(cat "$top_srcdir/man/newsreader.1")" '^\.BR newsreader\.conf \(5\)' \
    "newsreader.1 points to newsreader.conf(5)"

done_testing

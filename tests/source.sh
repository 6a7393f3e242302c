#!/bin/sh
# SPDX-License-Identifier: MIT
# Rules of the source that no behaviour test sees whole (issue 5 and the
# project's standards): only the ui-* files include curses; cells are
# never drawn with waddwstr or waddstr; doupdate() is called in one
# place (the loop's draw, once per batch of input) and nothing refreshes
# a window itself; nothing clears the screen with clear()/wclear()
# (a repaint is Ctrl-L's clearok); no program starts through a shell;
# only main.c exits.
. "${top_srcdir:-.}/tests/lib.sh"

cd "$top_srcdir/src" || exit 1

# lines ERE: the lines of code (./x.c:N:...) matching ERE, comment
# lines left out; uses ERE: the files that have one
lines() {
	grep -nE "$1" ./*.c | grep -vE '^[^:]*:[0-9]+:[[:space:]]*(/\*|\*)'
}
uses() { lines "$1" | cut -d: -f1 | sort -u; }

is "$(grep -lE '#include <(n?curses|term)\.h>' ./*.c ./*.h | grep -v '^\./ui-')" "" \
    "only ui-*.c and ui-*.h include curses"
is "$(uses '(^|[^a-z_])(mv)?w?addn?w?str\(')" "" \
    "no cell is drawn with waddwstr/waddstr"
is "$(uses '(^|[^a-z_])doupdate\(\)')" "./ui.c" \
    "doupdate() is called in one place, ui.c"
is "$(lines '(^|[^a-z_])doupdate\(\)' | wc -l | tr -d ' ')" 1 "once there"
is "$(uses '(^|[^a-z_])(w?refresh|prefresh)\(')" "" "no window refreshes itself"
is "$(uses '(^|[^a-z_])(clear|erase)\(\)|(^|[^a-z_])wclear\(')" "" \
    "nothing calls clear(), erase() or wclear()"
is "$(uses '(^|[^a-z_])(system|popen|execl|execlp|execle)\(')" "" \
    "no program starts through a shell (system, popen, execl*)"
is "$(uses '(^|[^a-z_])exit\(')" "./main.c" "only main.c exits"

# The licence: an SPDX line in every source file (issue 12, 1).
missing=$(cd "$top_srcdir" && for f in src/*.[ch] tests/*.sh tests/*.c \
    tests/unit/*.[ch] tests/tui/*.sh tests/tui/*.c tests/fuzz/*.c \
    bench/*.c bench/*.sh tools/* .ci/run Makefile.am configure.ac \
    man/*.[15] completions/*; do
	[ -f "$f" ] && ! grep -q 'SPDX-License-Identifier: MIT' "$f" && echo "$f"
done)
is "$missing" "" "every source file has an SPDX-License-Identifier: MIT line"

done_testing

#!/bin/sh
# SPDX-License-Identifier: MIT
# ? shows a help screen generated from the key tables; the config file's
# bindings change it and the keys; bad bindings are reported at file:line.
. "${top_srcdir:-.}/tests/tui/lib.sh"

# Without XDG_CONFIG_HOME the file is ~/.config/newsreader/config.yaml,
# absent: the screen names it as the one that would be read.
saved_env=$TUI_ENV
TUI_ENV=$(printf '%s\n' "$TUI_ENV" | sed 's/XDG_CONFIG_HOME=[^ ]* //')
tui_start 80 24
tui_wait ' 1/22$'
tui_keys '?'
tui_wait 'Everywhere'
tui_expect help-80x24 "the help screen"
TUI_ENV=$saved_env
like "$(cat "$TUI_SCREEN")" 'j, Down, C-n +down +move down a line' \
    "it lists the keys of each command"
tui_keys G
# The status line is drawn last: once it says (end), the rows are there.
tui_wait '\(end\)'
like "$(cat "$TUI_SCREEN")" 'J +next-article' "G shows the end: the reader's table"
like "$(cat "$TUI_SCREEN")" '\(end\)' "and the status line says it is the end"
tui_keys q
tui_wait ' 1/22$'
ok $? "q closes the help"
# Narrower, the help is made again for the width: at 50 columns each
# description goes under its keys, wrapped, and nothing is cut short.
tui_keys '?'
tui_wait 'Everywhere'
tui_resize 50 20
tui_wait '^      move down a line$'
ok $? "at 50 columns a description goes under its keys"
like "$(cat "$TUI_SCREEN")" '^  j, Down, C-n +down$' \
    "the keys and the command keep their line"
cut=0
for k in Space Space Space Space Space; do
	tui_keys $k
	tui_settle
	grep -q '…' "$TUI_SCREEN" && cut=1
done
is "$cut" 0 "no line of the help is cut short (…)"
tui_stop

# A user's bindings: x opens the help, ? is unbound, two bad entries.
mkdir -p "$XDG_CONFIG_HOME/newsreader"
cat >"$XDG_CONFIG_HOME/newsreader/config.yaml" <<'YAML'
keys:
  global:
    x: help
    "?": none
    Z: no-such-command
  nowhere:
    j: down
YAML
tui_start 132 50
tui_wait "config.yaml:5:8: keys: global: Z: unknown command 'no-such-command'"
ok $? "an unknown command is reported with file:line:col"
tui_keys j
tui_wait 'config.yaml:6:3: keys: nowhere: j: unknown key table'
ok $? "the next key shows the next warning"
tui_keys '?'
tui_wait '\? is not bound here'
ok $? "an unbound key says so"
tui_keys x
# Wait for the row itself: a screen caught as 'Everywhere' appears may
# not have the rows below it yet (seen under ASan, in CI).
tui_wait '  x +help'
ok $? "the help shows the user's binding"
tui_stop

# Invalid YAML: the defaults are used, and the fault is shown.
printf 'keys: [unclosed\n' >"$XDG_CONFIG_HOME/newsreader/config.yaml"
tui_start 132 24
tui_wait 'config.yaml:2:1: not valid YAML, so the defaults are used'
ok $? "invalid YAML is reported with its line"
tui_keys '?'
tui_wait 'Everywhere'
ok $? "and the default keys work"
tui_stop

done_testing

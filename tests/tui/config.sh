#!/bin/sh
# SPDX-License-Identifier: MIT
# The config file in the interface: "none" in a pane's table unbinds the
# key there, global binding or not; the help screen names the file in use
# (--config, $NEWSREADER_CONFIG) and lists its problems in full, which
# the status line cuts to its width.
. "${top_srcdir:-.}/tests/tui/lib.sh"

DATA=$(cd "$top_srcdir/data" && pwd -P)	# as the collection stores it
SEED="$DATA/000_bbf8aa7d2cb0c58b.md"

# The state of the article at path FILE, as --list --json says: "read
# starred", e.g. "true false".
state() {
	"$NEWSREADER" --list --json --no-scan "$DATA" |
	    grep -F "\"path\":\"$1\"" |
	    sed 's/.*"read":\([a-z]*\),"starred":\([a-z]*\)}.*/\1 \2/'
}

# keys: list: r: none -- the man page's own example.
cat >"$T/none.yaml" <<'YAML'
keys:
  list:
    r: none
YAML
tui_start 100 30 -- --config "$T/none.yaml" --category 新媒体 "$DATA"
tui_wait ' 1/7$'
tui_keys G
tui_wait '7/7$'
is "$(state "$SEED")" "false false" "the seed starts unread"
tui_keys r
tui_wait 'r is not bound here'
ok $? "list: r: none unbinds r in the list, global binding or not"
tui_settle
is "$(state "$SEED")" "false false" "and r leaves the article unread"
tui_keys Enter
tui_wait '│ 大连：初步查明'
is "$(state "$SEED")" "true false" "opening it marks it read"
tui_keys r
unread() { [ "$(state "$SEED")" = "false false" ]; }
tui_until unread
ok $? "in the reader the global r still toggles read"
tui_stop

# --config names the file; ? says it is the one in use, and lists its
# problem whole at a width where the status line cuts it.
cat >"$T/mine.yaml" <<'YAML'
keys:
  global:
    x: toggle-reed
YAML
tui_start 60 24 -- --config "$T/mine.yaml" "$DATA"
tui_wait "unknown command"
! grep -qF "mine.yaml:3:8: keys: global: x: unknown command 'toggle-reed'; did you mean toggle-read?" "$TUI_SCREEN"
ok $? "at 60 columns the status line cannot hold the whole warning"
tui_keys '?'
tui_wait 'Everywhere'
like "$(cat "$TUI_SCREEN")" "^  $T/mine.yaml\$" "? names the config file given with --config"
like "$(tr -d '\n' <"$TUI_SCREEN" | tr -s ' ')" \
    "3:8: keys: global: x: unknown command 'toggle-reed'; did you mean toggle-read\\?" \
    "and shows its problem whole, with line and column"
tui_stop

# $NEWSREADER_CONFIG names it when --config does not.
printf 'measure: 60\n' >"$T/env.yaml"
saved_env=$TUI_ENV
TUI_ENV="$TUI_ENV NEWSREADER_CONFIG=$T/env.yaml"
tui_start 80 24 -- "$DATA"
tui_wait ' 1/'
tui_keys '?'
tui_wait 'Everywhere'
like "$(cat "$TUI_SCREEN")" "^  $T/env.yaml\$" "? names the file \$NEWSREADER_CONFIG gives"
like "$(cat "$TUI_SCREEN")" '^Settings and keys are read from$' "as the one in use"
tui_stop
TUI_ENV=$saved_env

done_testing

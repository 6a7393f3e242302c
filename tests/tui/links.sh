#!/bin/sh
# SPDX-License-Identifier: MIT
# Links from the reader: o lists them, Enter in the list or 2o opens one
# in $BROWSER (fork/execvp, the URL one argument), y copies the article's
# path and 2y a link with OSC 52 (tmux keeps what it receives in a paste
# buffer); without a display (as over SSH) the URL is shown and copied on
# y; a scheme not allowed is refused; osc52: false turns copying off; a
# URL with a newline, space, U+2028 or bidi control goes out scrubbed.
. "${top_srcdir:-.}/tests/tui/lib.sh"

DATA=$(cd "$top_srcdir/data" && pwd -P)
HARBOR="$DATA/003_harbor_photos.md"
FIX=$(cd "$top_srcdir/tests/tui/fixtures" && pwd -P)

# A "browser" that writes down what it was given.
cat >"$T/browser" <<EOF
#!/bin/sh
printf '%s|%s\n' "\$#" "\$1" >>"$T/opened"
EOF
chmod +x "$T/browser"
base="$TUI_ENV"

buffer() {	# what the last OSC 52 put in tmux's paste buffer
	tmx show-buffer 2>/dev/null
}

opened() {	# wait (bounded) for the browser's record; print it
	tui_until test -s "$T/opened"
	cat "$T/opened" 2>/dev/null
	rm -f "$T/opened"
}

TUI_ENV="$base DISPLAY=:0 BROWSER=$T/browser"
tui_start 80 24 -- --category 新媒体/澎湃新闻 "$DATA"
tui_wait ' 1/2$'
tui_keys j Enter
tui_wait '│ 组图：大连港冬季首航'
tui_keys o
tui_wait '^ Links \(Enter opens, y copies, q closes\)'
ok $? "o without a count lists the links"
like "$(sed -n 2p "$TUI_SCREEN")" '^\[0\] https://picsum.photos/800/450\?random=3$' \
    "link 0 is the head image"
like "$(sed -n 4p "$TUI_SCREEN")" '^\[2\] https://example.com/port/winter-plan$' \
    "numbered as in the text"
tui_keys j j Enter
is "$(opened)" "1|https://example.com/port/winter-plan" \
    "Enter opens the selected link in \$BROWSER, as one argument"
tui_keys y
tui_wait 'Copied https://example.com/port/winter-plan'
is "$(buffer)" "https://example.com/port/winter-plan" "y copies it (OSC 52)"
tui_keys q
tui_wait '│ 组图：大连港冬季首航'
ok $? "q closes the list"
tui_keys 1 o
is "$(opened)" "1|https://picsum.photos/640/360?random=31" "1o opens link 1"
tui_keys y
tui_wait "Copied $HARBOR"
is "$(buffer)" "$HARBOR" "y copies the article's path"
tui_keys 2 y
tui_wait 'Copied https://example.com/port/winter-plan'
is "$(buffer)" "https://example.com/port/winter-plan" "2y copies link 2"
tui_keys 9 o
tui_wait 'No link \[9\] in this article'
ok $? "a link that is not there says so"
tui_stop

# A terminal browser on a console (no display), as over SSH: $BROWSER is a
# list tried in order (the first is missing), %s the URL; it gets the
# terminal, draws its own screen and waits for a key; after it, the
# reader's screen is back as it was.
cat >"$T/termbrowser" <<EOF
#!/bin/sh
printf '%s|%s|%s\n' "\$#" "\$1" "\$2" >>"$T/opened"
printf '\033[H\033[2JFAKE BROWSER\n%s\n' "\$2"
read -r line
EOF
chmod +x "$T/termbrowser"
# (TUI_ENV is read by the shell that tmux runs: the quotes keep one word.)
TUI_ENV="$base SSH_CONNECTION=10.0.0.1 'BROWSER=nr-no-such-browser:$T/termbrowser -dump %s'"
tui_start 80 24 -- --db "$T/term.db" "$FIX/links.md"
tui_wait '全部 / All +1/1'	# the background scan has listed the file
tui_keys Tab Enter
tui_wait '│ 链接测试：三种链接'
tui_settle
cp "$TUI_SCREEN" "$T/before"
tui_keys 1 o
tui_wait '^FAKE BROWSER$'
ok $? "1o runs \$BROWSER in the terminal, over SSH too"
like "$(sed -n 2p "$TUI_SCREEN")" '^https://example.com/one$' "and it draws its own screen"
is "$(opened)" "2|-dump|https://example.com/one" \
    "the second command of the list, with the URL for %s, one argument"
tui_keys Enter
tui_wait '│ 链接测试：三种链接'
tui_settle
is_file "$TUI_SCREEN" "$T/before" "when it exits, the screen is back intact"
tui_stop

# With no $BROWSER and no display: Debian's sensible-browser, when there.
mkdir -p "$T/sb"
cat >"$T/sb/sensible-browser" <<EOF
#!/bin/sh
printf '%s|%s\n' "\$#" "\$1" >>"$T/opened"
EOF
chmod +x "$T/sb/sensible-browser"
TUI_ENV=$(printf '%s' "$base" | sed "s|PATH=|PATH=$T/sb:|")
tui_start 80 24 -- --db "$T/sensible.db" "$FIX/links.md"
tui_wait '全部 / All +1/1'
tui_keys Tab Enter
tui_wait '│ 链接测试：三种链接'
tui_keys 1 o
is "$(opened)" "1|https://example.com/one" "no \$BROWSER, no display: sensible-browser"
tui_wait '│ 链接测试：三种链接'
ok $? "and the screen comes back"
tui_stop

# No display (as over SSH), no $BROWSER, no sensible-browser: show the
# URL, copy it on y.
mkdir -p "$T/nobin"
TUI_ENV=$(printf '%s' "$base" | sed "s|PATH=[^ ]*|PATH=$T/nobin|")
tui_start 80 24 -- "$FIX/links.md"
tui_wait ' 1/3$'
tui_wait '全部 / All +1/1'	# the background scan has listed the file
tui_keys Tab Enter
tui_wait '│ 链接测试：三种链接'
tui_keys 1 o
tui_wait 'https://example.com/one  copy\? \(y/n\)'
ok $? "without a display the URL is shown with an offer to copy"
tui_keys y
tui_wait 'Copied https://example.com/one'
is "$(buffer)" "https://example.com/one" "and y copies it"
tui_keys 2 o
tui_wait 'Not opened: only http, https, ftp and mailto links are opened'
ok $? "a file: link is refused"
tui_stop

# osc52: false
mkdir -p "$XDG_CONFIG_HOME/newsreader"
echo 'osc52: false' >"$XDG_CONFIG_HOME/newsreader/config.yaml"
tui_start 80 24 -- "$FIX/links.md"
tui_wait ' 1/3$'
tui_wait '全部 / All +1/1'	# the background scan has listed the file
tui_keys Tab Enter
tui_wait '│ 链接测试：三种链接'
while tmx delete-buffer 2>/dev/null; do :; done	# every buffer
tui_keys y
tui_wait 'Copying is off \(osc52: false in the config\)'
ok $? "osc52: false: y says copying is off"
is "$(buffer)" "" "and nothing is sent"
tui_stop

# Links that would smuggle a command into a paste or the browser's argv:
# every URL is put through url_scrub() once, so the list, the browser and
# the clipboard get the same clean line (newlines dropped as a browser
# drops them; spaces and U+2028 percent-encoded; a bidi control written
# in the source is gone before, with the rest of the source's controls).
# Its file name has a TAB: y copies the path quoted, as --list prints it.
TAB=$(printf '\t')
UNSAFE="$(cd "$T" && pwd -P)/un${TAB}safe.html"
cat >"$UNSAFE" <<'EOF2'
---
title: 坏链接
date: 2001-02-03 04:05:06
---
<p><a href="http://x/&#10;touch pwned">一</a>
<a href="http://x/a&#x2028;b">二</a>
<a href="https://a.cn/hello world">三</a></p>
EOF2
rm -f "$XDG_CONFIG_HOME/newsreader/config.yaml"
TUI_ENV="$base DISPLAY=:0 BROWSER=$T/browser"
tui_start 80 24 -- "$UNSAFE"
tui_wait ' 1/3$'
tui_wait '全部 / All +1/1'	# the background scan has listed the file
tui_keys Tab y
tui_wait 'Copied "'
is "$(buffer)" "\"$(dirname "$UNSAFE")/un\\tsafe.html\"" \
    "y in the list copies the path quoted too"
tui_keys Enter
tui_wait '│ 坏链接'
tui_keys o
tui_wait '^ Links \(Enter opens, y copies, q closes\)'
like "$(sed -n 2p "$TUI_SCREEN")" '^\[1\] http://x/touch%20pwned$' \
    "the list shows a newline dropped and the space encoded"
like "$(sed -n 3p "$TUI_SCREEN")" '^\[2\] http://x/a%E2%80%A8b$' \
    "and U+2028 encoded"
tui_keys Enter
is "$(opened)" "1|http://x/touch%20pwned" \
    "Enter gives the browser the same one clean argument"
tui_keys y
tui_wait 'Copied http://x/touch%20pwned'
is "$(buffer)" "http://x/touch%20pwned" \
    "y copies it with no newline for a shell to run on paste"
tui_keys q
tui_wait '│ 坏链接'
tui_keys 2 y
tui_wait 'Copied http://x/a%E2%80%A8b'
is "$(buffer)" "http://x/a%E2%80%A8b" \
    "2y copies no line separator"
tui_keys 2 o
is "$(opened)" "1|http://x/a%E2%80%A8b" "2o opens the same URL"
tui_keys 3 o
is "$(opened)" "1|https://a.cn/hello%20world" \
    "a URL with a space is opened with the space encoded, not refused"
tui_keys y
tui_wait 'Copied "'
is "$(buffer)" "\"$(dirname "$UNSAFE")/un\\tsafe.html\"" \
    "y copies a path with a TAB quoted, one line that --dump takes back"
tui_stop

done_testing

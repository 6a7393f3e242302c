# SPDX-License-Identifier: MIT
# tests/tui/lib.sh: drive the real binary inside a private, detached tmux
# server and look at the screen as a person would.
#
#   . "$top_srcdir/tests/tui/lib.sh"
#   tui_start 80 24 -- --category 新媒体     # size, then newsreader's args
#   tui_wait '新媒体'                        # bounded poll for the screen
#   tui_keys j j Enter                       # tmux key names
#   tui_type '疫情'                          # literal text (UTF-8)
#   tui_expect name                          # compare with expected/name.txt
#   tui_stop                                 # Q, then wait for the exit
#
# The server has its own socket (-L, under a private TMUX_TMPDIR), so tests
# never touch a user's tmux, and it is killed on exit. The program runs
# under `env -i` with only the variables a test gives, TERM=tmux-256color
# and a UTF-8 locale by default: CI runs as root with no terminal and no
# locale. Waiting is always a bounded poll, never a fixed long sleep.
#
# NR_TUI_UPDATE=1 rewrites the expected screens instead of comparing.

. "${top_srcdir:-.}/tests/lib.sh"

command -v tmux >/dev/null 2>&1 || skip_all "tmux is not installed"

TUI_DIR="$top_srcdir/tests/tui"
TUI_EXPECTED="$TUI_DIR/expected"
export TMUX_TMPDIR="$T/tmux"
mkdir -p "$TMUX_TMPDIR"
unset TMUX
TUI_SOCKET="nrtest$$"
TUI_TIMEOUT=${TUI_TIMEOUT:-10}	# seconds any one wait may take
TUI_SCREEN="$T/screen.txt"

tmx() {
	tmux -u -L "$TUI_SOCKET" -f /dev/null "$@"
}

tui_cleanup() {
	tmx kill-server >/dev/null 2>&1
	rm -rf "$T"
}
trap tui_cleanup EXIT

# The environment the program gets, one VAR=value per word. Tests add to
# it (TUI_ENV="$TUI_ENV NO_COLOR=1") or replace it before tui_start.
TUI_ENV="HOME=$HOME XDG_CONFIG_HOME=$XDG_CONFIG_HOME XDG_DATA_HOME=$XDG_DATA_HOME PATH=/usr/bin:/bin TERM=tmux-256color LANG=C.UTF-8"

# tui_start W H [ARG...]: start newsreader ARGS in a W x H window.
tui_start() {
	tui_w=$1; tui_h=$2; shift 2
	[ "${1:-}" = "--" ] && shift
	# A shell waits for the program and prints its status on the screen:
	# tmux itself can be slow to notice that a pane's process has ended.
	cmd="env -i $TUI_ENV $(tui_quote "$NEWSREADER" "$@"); echo \"[exit \$?]\""
	tmx kill-session -t nr >/dev/null 2>&1	# a finished one stays (remain-on-exit)
	# exit-empty off: a server left without sessions stays up for the
	# next; a server caught exiting anyway is retried (bounded).
	i=0
	until tmx start-server \; \
	    set-option -s exit-empty off \; \
	    set-option -g remain-on-exit on \; \
	    set-option -g default-terminal tmux-256color \; \
	    set-option -g status off \; \
	    set-option -g set-clipboard on \; \
	    new-session -d -s nr -x "$tui_w" -y "$tui_h" "$cmd" 2>/dev/null; do
		i=$((i + 1))
		if [ $i -ge 20 ]; then
			diag "tmux could not start the session"
			return 1
		fi
		sleep 0.1
	done
	tmx set-option -t nr window-size manual >/dev/null 2>&1
}

# Quote each argument for the shell tmux runs the command with.
tui_quote() {
	for a in "$@"; do
		printf "'%s' " "$(printf '%s' "$a" | sed "s/'/'\\\\''/g")"
	done
}

tui_capture() {	# tui_capture [-e]: the screen, trailing spaces trimmed
	tmx capture-pane -p "$@" -t nr 2>/dev/null
}

# tui_history: the screen and the lines scrolled off it (tmux moves early
# output there when it sizes a new window).
tui_history() {
	tmx capture-pane -p -S -200 -t nr 2>/dev/null
}

# tui_until CMD...: run CMD 20 times a second, for at most TUI_TIMEOUT
# seconds, until it succeeds; fails if it never does.
tui_until() {
	# its own counter: CMD may settle the screen, which counts with i
	_until=0
	while [ $_until -lt $((TUI_TIMEOUT * 20)) ]; do
		"$@" && return 0
		sleep 0.05
		_until=$((_until + 1))
	done
	return 1
}

# screen_has PATTERN: a new capture matches the grep -E pattern.
screen_has() {
	tui_capture >"$TUI_SCREEN" && grep -Eq -- "$1" "$TUI_SCREEN"
}

# screen_lacks PATTERN: a new capture, and then the settled screen, do not
# match (a screen caught half drawn also lacks the pattern).
screen_lacks() {
	! screen_has "$1" && tui_settle && ! grep -Eq -- "$1" "$TUI_SCREEN"
}

# tui_wait PATTERN: poll until the screen matches the grep -E pattern.
# Fails, showing the screen, if not.
tui_wait() {
	tui_until screen_has "$1" && return 0
	diag "timed out waiting for: $1"
	sed 's/^/#| /' "$TUI_SCREEN"
	return 1
}

# tui_wait_gone PATTERN: poll until the settled screen no longer matches.
tui_wait_gone() {
	tui_until screen_lacks "$1" && return 0
	diag "timed out waiting for the screen to lose: $1"
	sed 's/^/#| /' "$TUI_SCREEN"
	return 1
}

# tui_settle: wait until two captures 0.1 s apart agree (bounded), so a
# test compares a finished screen, not one being drawn.
tui_settle() {
	i=0
	tui_capture >"$TUI_SCREEN.a"
	while [ $i -lt $((TUI_TIMEOUT * 10)) ]; do
		sleep 0.1
		tui_capture >"$TUI_SCREEN"
		cmp -s "$TUI_SCREEN" "$TUI_SCREEN.a" && return 0
		cp "$TUI_SCREEN" "$TUI_SCREEN.a"
		i=$((i + 1))
	done
	return 1
}

tui_keys() {	# tui_keys KEY...: tmux key names (j, Enter, C-l, Down)
	tmx send-keys -t nr "$@"
}

tui_type() {	# tui_type TEXT: literal text, UTF-8 as typed by an IME
	tmx send-keys -t nr -l -- "$1"
}

tui_resize() {	# tui_resize W H
	tmx resize-window -t nr -x "$1" -y "$2"
}

# tui_expect NAME [TEST-NAME]: the settled screen equals expected/NAME.txt
tui_expect() {
	tui_settle
	if [ -n "${NR_TUI_UPDATE:-}" ]; then
		cp "$TUI_SCREEN" "$TUI_EXPECTED/$1.txt"
		skip "updated expected/$1.txt"
		return
	fi
	is_file "$TUI_SCREEN" "$TUI_EXPECTED/$1.txt" "${2:-screen $1}"
}

# exited: the pane's shell has printed the program's exit status (in st).
exited() {
	st=$(tmx capture-pane -p -t nr -S -100 2>/dev/null |
	    sed -n 's/^\[exit \([0-9]*\)\]$/\1/p' | tail -1)
	[ -n "$st" ]
}

# tui_wait_exit: wait for the program to end; prints its exit status.
tui_wait_exit() {
	if tui_until exited; then
		echo "$st"
		return 0
	fi
	echo timeout
	return 1
}

tui_pid() {	# the program's process id (the child of the pane's shell)
	ps -o pid= --ppid "$(tmx list-panes -t nr -F '#{pane_pid}')" | tr -d ' '
}

tui_stop() {	# quit with Q and forget the session
	tui_keys Q
	tui_wait_exit >/dev/null
	tmx kill-session -t nr >/dev/null 2>&1
}

# tui_column CHAR: for each screen row, the display column (0-based) of the
# first CHAR, or -1; uses the nr-width helper, which measures with wcwidth.
tui_column() {
	"$top_builddir/tests/tui/nr-width" -c "$1" <"$TUI_SCREEN"
}

# tui_pane COL [FIRST LAST]: the settled screen's rows FIRST..LAST (1-based,
# default the body: 2 to the row above the status line) from display
# column COL on: what one pane shows.
tui_pane() {
	sed -n "${2:-2},${3:-$((tui_h - 1))}p" "$TUI_SCREEN" |
	    "$top_builddir/tests/tui/nr-width" -s "$1"
}

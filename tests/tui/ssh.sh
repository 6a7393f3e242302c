#!/bin/sh
# SPDX-License-Identifier: MIT
# Reading over SSH, for real (issue 12, 8): a real OpenSSH server on
# 127.0.0.1 at a free high port, with a host key and a user key made here
# (thrown away with $T), logging in as the user running the test; newsreader
# run through `ssh -tt` inside tmux, in a remote environment with no LANG
# or LC_*. Checked: the Chinese is aligned in cells (the C.UTF-8 fallback);
# keys, arrows and PgDn included; a resize of the client's window reaches
# the program, which re-wraps; OSC 52 copying reaches the client's
# terminal; killing the ssh client mid-session leaves the read state saved
# and no newsreader behind. The server is stopped on exit.
. "${top_srcdir:-.}/tests/tui/lib.sh"

SSHD=/usr/sbin/sshd
[ -x "$SSHD" ] || need "openssh-server is not installed"
command -v ssh >/dev/null 2>&1 && command -v ssh-keygen >/dev/null 2>&1 ||
	need "openssh-client is not installed"

S="$T/ssh"
mkdir -p "$S" "$T/home"
chmod 700 "$S"
ssh-keygen -q -t ed25519 -N '' -f "$S/host_ed25519" -C nrtest-host &&
ssh-keygen -q -t ed25519 -N '' -f "$S/user_ed25519" -C nrtest-user ||
	need "ssh-keygen failed"
cp "$S/user_ed25519.pub" "$S/authorized_keys"
# sshd wants its privilege separation directory (Debian's: /run/sshd).
[ "$(id -u)" -eq 0 ] && mkdir -p /run/sshd

# A free port: the first of a run of high ones that nothing listens on.
port=$((20000 + $$ % 20000))
while ss -Hltn "sport = :$port" 2>/dev/null | grep -q .; do
	port=$((port + 1))
done

cat >"$S/sshd_config" <<EOF
Port $port
ListenAddress 127.0.0.1
HostKey $S/host_ed25519
PidFile $S/sshd.pid
AuthorizedKeysFile $S/authorized_keys
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
UsePAM no
StrictModes no
PermitUserEnvironment no
PrintMotd no
PrintLastLog no
LogLevel ERROR
EOF
cat >"$S/ssh_config" <<EOF
Host nrtest
	HostName 127.0.0.1
	Port $port
	User $(id -un)
	IdentityFile $S/user_ed25519
	IdentitiesOnly yes
	UserKnownHostsFile $S/known_hosts
	GlobalKnownHostsFile /dev/null
	StrictHostKeyChecking yes
	BatchMode yes
	LogLevel ERROR
EOF
printf '[127.0.0.1]:%s %s\n' "$port" "$(cut -d' ' -f1,2 "$S/host_ed25519.pub")" \
	>"$S/known_hosts"

"$SSHD" -D -e -f "$S/sshd_config" 2>"$S/sshd.log" &
sshd_pid=$!
# Stop the server with everything else (tui_cleanup kills tmux, removes $T).
trap 'kill "$sshd_pid" 2>/dev/null; wait "$sshd_pid" 2>/dev/null; tui_cleanup' EXIT

rsh() { ssh -F "$S/ssh_config" nrtest "$@"; }
tui_until rsh true 2>/dev/null
if ! rsh true 2>"$T/ssh.err"; then
	sed 's/^/# /' "$S/sshd.log" "$T/ssh.err"
	need "the SSH server did not start"
fi
ok 0 "an OpenSSH server runs on 127.0.0.1:$port with throwaway keys"
is "$(rsh env | grep -cE '^(LANG|LANGUAGE|LC_[A-Z]+)=')" 0 \
	"the remote environment sets no LANG or LC_*"

DATA=$(cd "$top_srcdir/data" && pwd -P)
SEED="$DATA/000_bbf8aa7d2cb0c58b.md"
[ -f "$SEED" ] || SEED=$(ls "$DATA"/000_*.md | head -1)
DB="$T/nr.db"
# What the client's tmux pane runs: ssh -tt, and there newsreader, the
# environment as sshd gives it, with the test's own files.
cat >"$T/nr-ssh" <<EOF
#!/bin/sh
exec ssh -tt -F "$S/ssh_config" nrtest \
	"HOME=$T/home XDG_DATA_HOME=$T/xdg-data XDG_CONFIG_HOME=$T/xdg-config exec '$NEWSREADER' --db '$DB' '$DATA'"
EOF
chmod +x "$T/nr-ssh"
NEWSREADER_LOCAL=$NEWSREADER
NEWSREADER="$T/nr-ssh"

"$NEWSREADER_LOCAL" --db "$T/local.db" --list "$DATA" >"$T/list"
total=$(wc -l <"$T/list" | tr -d ' ')
row=$(cut -f4 "$T/list" | grep -nxF "$SEED" | cut -d: -f1)
title=$(sed -n "${row}p" "$T/list" | cut -f3)

tui_start 80 24
tui_wait 'LANG is not set; using C.UTF-8'
ok $? "over SSH with no LANG: C.UTF-8, said in the status line"
tui_wait ' 1/[0-9]+$'

# Keys: Tab to the list, the arrows, then the seed article.
tui_keys Tab
tui_wait " 1/$total\$"
tui_keys Down
tui_wait " 2/$total\$"
ok $? "Down moves the selection"
tui_keys Up
tui_wait " 1/$total\$"
ok $? "Up moves it back"
[ "$row" -gt 1 ] && tui_type "$((row - 1))j"
tui_wait " $row/$total\$"
tui_keys Enter
tui_wait "│ $title"
ok $? "Enter opens the seed article"
tui_settle
"$NEWSREADER_LOCAL" --dump --width 57 "$SEED" | head -22 | sed 's/ *$//' >"$T/want"
tui_pane 22 >"$T/shown"
is_file "$T/shown" "$T/want" "its lines are --dump's, aligned in cells"

# PgDn pages.
tui_keys PageDown
tui_settle
tui_pane 22 >"$T/shown"
"$NEWSREADER_LOCAL" --dump --width 57 "$SEED" | sed 's/ *$//' >"$T/all"
first=$(head -1 "$T/shown")
ok "$([ -n "$first" ] && ! head -3 "$T/want" | grep -qxF "$first" &&
    grep -qxF "$first" "$T/all" && echo 0 || echo 1)" "PgDn shows a later page"
tui_keys PageUp g

# A resize of the client's window reaches the program: it re-wraps.
tui_resize 100 30
tui_until sh -c "tmux -u -L '$TUI_SOCKET' capture-pane -p -t nr | head -1 | grep -q '.\{90\}'"
tui_h=30
tui_settle
# The reader starts two columns after the tree's rule on its title's row.
col=$(($(tui_column '│' | sed -n 2p) + 2))
tui_pane "$col" >"$T/shown"
w=0
for try in $(seq 58 80); do
	"$NEWSREADER_LOCAL" --dump --width "$try" "$SEED" | head -28 |
	    sed 's/ *$//' | cmp -s - "$T/shown" && w=$try && break
done
ok "$([ "$w" -gt 57 ] && echo 0 || echo 1)" \
	"resized to 100x30, the reader re-wraps: its lines are --dump's at width $w"
tui_resize 80 24
tui_h=24
tui_settle

# OSC 52: y copies the article's path to the client's terminal.
tui_keys y
tui_wait 'Copied '
tmx show-buffer >"$T/buffer" 2>/dev/null
is "$(cat "$T/buffer")" "$SEED" "y's OSC 52 copy arrives on the client side"

# Kill the ssh client mid-session: the read mark stays, nothing is left.
pid=$(tui_pid)
kill -9 "$pid"
gone() { ! pgrep -f "$DB" >/dev/null; }
tui_until gone
ok $? "after the ssh client is killed, no newsreader is left"
"$NEWSREADER_LOCAL" --db "$DB" --list --no-scan --unread | cut -f4 >"$T/unread"
ok "$(grep -qxF "$SEED" "$T/unread" && echo 1 || echo 0)" \
	"and the article opened is saved as read"
is "$(wc -l <"$T/unread" | tr -d ' ')" "$((total - 1))" "the others stay unread"

done_testing

#!/bin/sh
# SPDX-License-Identifier: MIT
# The pty harness's emulated terminal (bench/nr-pty -v, libvterm): what
# its screen shows after small programs' output, left and right margins
# included (a terminal tmux is not), and its answers to the programs'
# queries, which -n keeps back. Skipped when nr-pty was built without
# libvterm.
. "${top_srcdir:-.}/tests/lib.sh"

need_emulator

# vt NAME PROGRAM [OPTION...]: run the shell PROGRAM on a 20x5 emulated
# terminal until it has written "end" (the last thing each one writes),
# then print the screen to $T/NAME; the status is nr-pty's.
vt() {
	name=$1 prog=$2
	shift 2
	printf 'until end\nscreen %s\n' "$name" >"$T/script"
	"$pty" -v "$@" -s 20x5 "$T/script" -- sh -c "$prog" >"$T/$name" 2>"$T/err"
}

# want NAME: write stdin to $T/NAME.want, the screen NAME should be.
want() {
	cat >"$T/$1.want"
}

# Text placed with CUP: blank rows stay, trailing blanks go.
vt place 'printf "\033[2J\033[1;1Htop-left\033[3;8Hmiddle\033[5;18Hend"'
is "$?" 0 "nr-pty -v ran the program"
want place <<'EOF'
place
|top-left
|
|       middle
|
|                 end
EOF
is_file "$T/place" "$T/place.want" "text lands where CUP puts it"

# Columns 5..20 of rows 2..4 scroll up one line (DECLRMM on, DECSTBM,
# DECSLRM, SU; then the margins reset); columns 1..4 and the rows outside
# stay. A terminal without left and right margins would move whole rows.
vt margins 'printf "\033[2J\033[1;1Hrow1\033[2;1HL2L2right-two-22222\033[3;1HL3L3right-three-333\033[4;1HL4L4right-four-4444\033[?69h\033[2;4r\033[5;20s\033[S\033[s\033[r\033[?69l\033[5;1Hend"'
want margins <<'EOF'
margins
|row1
|L2L2right-three-333
|L3L3right-four-4444
|L4L4
|end
EOF
is_file "$T/margins" "$T/margins.want" "a scroll inside left/right margins leaves columns 1..4"

# Wide characters are shown once; one that does not fit in the last
# column goes to the next row; what follows one is two columns on.
vt wide 'printf "\033[2J\033[1;1H中文字符 ok\033[2;1Hxxxxxxxxxxxxxxxxxxx字\033[4;1H中a\033[4;4HX\033[5;1Hend"'
want wide <<'EOF'
wide
|中文字符 ok
|xxxxxxxxxxxxxxxxxxx
|字
|中aX
|end
EOF
is_file "$T/wide" "$T/wide.want" "wide characters take two cells, written once"

# DECRQM for DECLRMM: the harness answers as a terminal does
# (ESC [ ? 69 ; 2 $ y: known, reset), and with -n it keeps quiet. The
# program reads the 9 bytes raw, for at most 2 s; timeout --foreground,
# as otherwise dd runs in a process group of its own, in the background
# of the terminal, which stops it when it reads.
# shellcheck disable=SC2016 # the program's own shell expands $r
ask='stty raw -echo; printf "\033[?69\$p"; r=$(timeout --foreground 2 dd bs=1 count=9 2>/dev/null | od -An -c | tr -d " \n"); printf "\033[2J\033[Hreply:%s\r\nend" "$r"'
vt answered "$ask"
want answered <<'EOF'
answered
|reply:033[?69;2$y
|end
|
|
|
EOF
is_file "$T/answered" "$T/answered.want" "DECRQM ?69 is answered ?69;2\$y"
vt quiet "$ask" -n
want quiet <<'EOF'
quiet
|reply:
|end
|
|
|
EOF
is_file "$T/quiet" "$T/quiet.want" "with -n it is not answered"

# The bytes counted are the program's, emulated or not.
place='printf "\033[2J\033[1;1Htop-left\033[3;8Hmiddle\033[5;18Hend"'
printf 'until end\nmark m\n' >"$T/script"
n=$(sh -c "$place" | wc -c)
for o in -v ""; do
	# shellcheck disable=SC2086
	got=$("$pty" $o -s 20x5 "$T/script" -- sh -c "$place" |
	    sed -n 's/^m bytes=\([0-9]*\) .*/\1/p')
	is "$got" "$n" "mark counts the program's $n bytes (${o:-no -v})"
done

# The screen step needs -v; -n needs -v.
printf 'screen s\n' >"$T/script"
err=$("$pty" -s 20x5 "$T/script" -- true 2>&1 >/dev/null); st=$?
is "$st" 1 "screen without -v exits 1"
like "$err" '^nr-pty: screen: ' "and says why"
"$pty" -n "$T/script" -- true >/dev/null 2>&1
is "$?" 2 "-n without -v is a usage error"

done_testing

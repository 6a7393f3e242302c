# SPDX-License-Identifier: MIT
# tests/lib.sh: TAP helpers for the shell tests. Source it, call the checks,
# end with `done_testing`. Each check prints one TAP line, so the automake
# TAP driver counts every check.
#
# The environment (set by `make check`): top_srcdir, top_builddir, NEWSREADER
# (the binary under test), NR_CORPUS (real posts, may be absent).

: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
: "${NEWSREADER:=$top_builddir/src/newsreader}"
export LC_ALL="${LC_ALL:-C.UTF-8}"

tap_n=0
tap_failed=0

# A private scratch directory, removed on exit.
T=$(mktemp -d "${TMPDIR:-/tmp}/nrtest.XXXXXX")
trap 'rm -rf "$T"' EXIT
# Keep every run away from the user's real database and config.
export XDG_DATA_HOME="$T/xdg-data" XDG_CONFIG_HOME="$T/xdg-config"
export HOME="$T/home"
mkdir -p "$HOME"

ok() {	# ok CONDITION-STATUS NAME: pass when the status is 0
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_failed=$((tap_failed + 1))
	fi
}

is() {	# is GOT WANT NAME
	tap_n=$((tap_n + 1))
	if [ "$1" = "$2" ]; then
		echo "ok $tap_n - $3"
	else
		echo "not ok $tap_n - $3"
		printf '%s\n' "#      got: $1" "# expected: $2"
		tap_failed=$((tap_failed + 1))
	fi
}

# is_file GOT-FILE WANT-FILE NAME: equal contents, with a diff on failure.
is_file() {
	tap_n=$((tap_n + 1))
	if cmp -s "$1" "$2"; then
		echo "ok $tap_n - $3"
	else
		echo "not ok $tap_n - $3"
		diff -u "$2" "$1" | head -40 | sed 's/^/# /'
		tap_failed=$((tap_failed + 1))
	fi
}

# like GOT PATTERN NAME: GOT matches the grep -E pattern
like() {
	tap_n=$((tap_n + 1))
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		echo "ok $tap_n - $3"
	else
		echo "not ok $tap_n - $3"
		printf '%s\n' "$1" | head -20 | sed 's/^/#      got: /'
		echo "# expected to match: $2"
		tap_failed=$((tap_failed + 1))
	fi
}

skip() {	# skip WHY
	tap_n=$((tap_n + 1))
	echo "ok $tap_n # SKIP $1"
}

skip_all() {
	echo "1..0 # SKIP $1"
	exit 0
}

# need WHY: skip_all, but in CI (CI=true), where tools/install-deps has
# put in everything the tests need, a missing piece fails the test.
need() {
	if [ "${CI:-}" = true ]; then
		echo "Bail out! in CI, but $1"
		exit 1
	fi
	skip_all "$1"
}

# need_emulator: $pty, the pty harness, built with the terminal it can
# emulate (bench/nr-pty -v, libvterm); else the test is skipped (need).
need_emulator() {
	pty="$top_builddir/bench/nr-pty"
	[ -x "$pty" ] || need "bench/nr-pty is not built"
	: >"$T/empty"
	"$pty" -v "$T/empty" -- true >/dev/null 2>&1
	[ $? -ne 77 ] || need "bench/nr-pty is built without libvterm"
}

diag() {
	printf '# %s\n' "$@"
}

done_testing() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
}

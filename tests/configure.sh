#!/bin/sh
# SPDX-License-Identifier: MIT
# configure without one of its pkg-config modules stops, naming the Debian
# package that provides it. Each run sees a pkg-config directory holding
# every module's .pc file but one (PKG_CONFIG_LIBDIR), so the other
# modules are found as on this machine and the missing one is not.
. "${top_srcdir:-.}/tests/lib.sh"

configure="$top_srcdir/configure"
[ -x "$configure" ] || skip_all "no configure script in $top_srcdir"
command -v pkg-config >/dev/null 2>&1 || skip_all "no pkg-config"
# configure refuses a second build of a source tree configured in place.
[ ! -f "$top_srcdir/config.status" ] || skip_all "the source tree is configured in place"

# MODULE PACKAGE, as configure.ac's NR_REQUIRE names them.
set -- ncursesw libncurses-dev yaml-0.1 libyaml-dev libxml-2.0 libxml2-dev \
    sqlite3 libsqlite3-dev icu-uc libicu-dev md4c-html libmd4c-html0-dev

# Every .pc file the modules need, with what they require in turn.
all="$T/pc-all"
mkdir -p "$all"
for m in ncursesw yaml-0.1 libxml-2.0 sqlite3 icu-uc md4c-html; do
	for d in $m $(pkg-config --print-requires --print-requires-private "$m" 2>/dev/null |
	    awk '{ print $1 }'); do
		f="$(pkg-config --variable=pcfiledir "$d" 2>/dev/null)/$d.pc"
		[ -f "$f" ] && ln -sf "$f" "$all/$d.pc"
	done
done

while [ $# -ge 2 ]; do
	m=$1 pkg=$2
	shift 2
	dir="$T/pc-no-$m" b="$T/build-no-$m"
	mkdir -p "$dir" "$b"
	for f in "$all"/*.pc; do
		[ "$(basename "$f" .pc)" = "$m" ] || ln -s "$(readlink "$f")" "$dir/"
	done
	(cd "$b" && PKG_CONFIG_LIBDIR="$dir" PKG_CONFIG_PATH= "$configure" -q \
	    >"$T/out" 2>"$T/err"); st=$?
	ok $((st == 0)) "without $m, configure fails"
	like "$(cat "$T/err")" "$m.* not found; on Debian install the package '$pkg'" \
	    "without $m, it names the package $pkg"
done

done_testing

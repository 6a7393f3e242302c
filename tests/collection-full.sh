#!/bin/sh
# SPDX-License-Identifier: MIT
# A full disk, on a 20 MB tmpfs: an import too big for it fails saying the
# disk is full and naming the folder; the marks made before are kept; the
# failed import's WAL files are emptied, so the disk has room again and
# the next --mark-read works. With no room at all at start-up, every
# command says the disk is full (not "disk I/O error") and names the folder.
# At the limit: a scan stops with less than SCAN_RESERVE (4 MiB) left.
. "${top_srcdir:-.}/tests/lib.sh"

[ "$(id -u)" = 0 ] || need "not root: the test mounts a tmpfs"
GEN="$top_builddir/bench/gen-corpus"
[ -x "$GEN" ] || need "bench/gen-corpus is not built"
mkdir -p "$T/disk"
mount -t tmpfs -o size=20m tmpfs "$T/disk" || need "cannot mount a tmpfs"
trap 'umount "$T/disk" 2>/dev/null; rm -rf "$T"' EXIT
DISK=$(cd "$T/disk" && pwd -P)
DB="$DISK/nr.db"
nr() { "$NEWSREADER" --db "$DB" "$@"; }
avail_kib() { df -Pk "$DISK" | awk 'NR == 2 { print $4 }'; }
# state ID: "read starred" of the article with that id
state() {
	nr --list --no-scan --json |
	    sed -n "s/.*\"id\":$1,\"read\":\([a-z]*\),\"starred\":\([a-z]*\)}\$/\1 \2/p"
}

"$GEN" 100 "$T/small" >/dev/null && "$GEN" -s 2 8000 "$T/big" >/dev/null ||
    need "gen-corpus failed"
nr --list "$T/small" >/dev/null
is "$(nr --list --no-scan | wc -l)" 100 "100 articles imported"
ids=$(nr --list --no-scan | awk -F'\t' 'NR <= 3 { print $NF }')
set -- $ids
nr --mark-read "$1" "$2" && nr --star "$2"
ok $? "two marked read, one starred"

# 8,000 articles of 59 MB cannot be indexed in what is left of 20 MB.
nr --list "$T/big" >/dev/null 2>"$T/err"
is $? 1 "the import too big for the disk fails"
like "$(cat "$T/err")" "the disk is full: $DISK\$" \
    "saying the disk is full, naming the folder"
is "$(grep -c . "$T/err")" 1 "in one line"
is "$(state "$1")" "true false" "a mark made before is kept"
is "$(state "$2")" "true true" "and another"
for f in "$DB-wal" "$DB-fts0-wal" "$DB-fts1-wal"; do
	n=0
	[ -f "$f" ] && n=$(stat -c %s "$f")
	is "$n" 0 "$(basename "$f") is emptied"
done
free=$(avail_kib)
[ "$free" -ge 1024 ]
ok $? "the disk has room again ($free KiB free)"
nr --mark-read "$3" 2>"$T/err"
ok $? "the next --mark-read works"
is "$(state "$3")" "true false" "and marks it"
n=$(nr --list --no-scan | wc -l)
[ "$n" -ge 100 ]
ok $? "the collection lists ($n articles)"

# No room at all at start-up.
dd if=/dev/zero of="$DISK/fill" bs=64k >/dev/null 2>&1
is "$(avail_kib)" 0 "the disk is filled to the last block"
for cmd in "--list --no-scan" "--categories --no-scan" "--mark-unread $3" \
    "--list $T/small"; do
	# shellcheck disable=SC2086
	nr $cmd >/dev/null 2>"$T/err"
	is $? 1 "$cmd fails"
	like "$(cat "$T/err")" "the disk is full: $DISK\$" \
	    "$cmd says the disk is full, naming the folder"
	! grep -q 'I/O error' "$T/err"
	ok $? "$cmd does not speak of an I/O error"
done
rm -f "$DISK/fill"
is "$(state "$3")" "true false" "with room again, the state is as it was"

# At the limit: a scan stops when less than SCAN_RESERVE (4 MiB) is left,
# even for three small articles that would fit.
mkdir "$T/three"
for i in 1 2 3; do
	printf -- '---\ntitle: 第%s篇\ndate: 2024-05-0%s\n---\n\n正文。\n' \
	    "$i" "$i" >"$T/three/$i.md"
done
before=$(nr --list --no-scan | wc -l)
leave() {	# leave KIB: fill the disk up to KIB free
	rm -f "$DISK/fill"
	dd if=/dev/zero of="$DISK/fill" bs=1k count=$(($(avail_kib) - $1)) \
	    >/dev/null 2>&1
}
leave 3072
nr --list "$T/three" >/dev/null 2>"$T/err"
is $? 1 "with 3 MiB left, a scan of three articles fails"
like "$(cat "$T/err")" "the disk is full: $DISK\$" "saying the disk is full"
is "$(nr --list --no-scan | wc -l)" "$before" "and stores none of them"
leave 5120
nr --list "$T/three" >/dev/null 2>"$T/err"
ok $? "with 5 MiB left, it works"
is "$(nr --list --no-scan | wc -l)" "$((before + 3))" "and stores them"
rm -f "$DISK/fill"

done_testing

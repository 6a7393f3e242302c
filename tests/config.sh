#!/bin/sh
# SPDX-License-Identifier: MIT
# The configuration from the command line: --print-config and its round
# trip, where the file comes from (--config, $NEWSREADER_CONFIG, the
# default path) and $NEWSREADER_DB, faults said as FILE:LINE:COL with the
# nearest valid name in every mode, unknown time zones; --tags and
# --authors.
. "${top_srcdir:-.}/tests/lib.sh"

# --print-config with no file at all: the defaults.
"$NEWSREADER" --print-config >"$T/defaults.yaml" 2>"$T/err"; st=$?
is "$st" 0 "--print-config exits 0 with no config file (the default path may be absent)"
is "$(cat "$T/err")" "" "and says nothing"
like "$(cat "$T/defaults.yaml")" '^measure: 80$' "it prints the settings"
like "$(cat "$T/defaults.yaml")" '^    r: toggle-read$' "and the keys"
"$NEWSREADER" --config "$T/defaults.yaml" --print-config >"$T/again.yaml"
is_file "$T/again.yaml" "$T/defaults.yaml" "the defaults read back print the same bytes"

# The example config make install puts in docdir is the defaults.
"$NEWSREADER" --config "$top_srcdir/doc/config.example.yaml" --print-config \
    >"$T/example.yaml" 2>"$T/err"
is_file "$T/example.yaml" "$T/defaults.yaml" "doc/config.example.yaml is the defaults"
is "$(cat "$T/err")" "" "without a fault"

# A file that changes some of everything.
cat >"$T/mine.yaml" <<'YAML'
osc52: no
measure: 66
timezone: CST-8
colors:
  selected: bold 208 on bright-black
  normal: default on blue
keys:
  list:
    r: none
    "#": toggle-star
  global:
    x: quit
    PageDown: half-page-down
    Q: none
YAML
"$NEWSREADER" --config "$T/mine.yaml" --print-config >"$T/p1.yaml" 2>"$T/err"
is "$(cat "$T/err")" "" "a valid file: no messages"
like "$(cat "$T/p1.yaml")" '^osc52: false$' "a setting the file changes"
like "$(cat "$T/p1.yaml")" '^  selected: bold 208 on bright-black$' "a colour"
like "$(cat "$T/p1.yaml")" '^    PgDn: half-page-down$' "a key, under its canonical name"
like "$(cat "$T/p1.yaml")" '^    Q: none$' "an unbound key says none"
like "$(sed -n '/^  list:/,/^  [a-z]/p' "$T/p1.yaml")" '^    "#": toggle-star$' \
    "a key YAML would misread is quoted"
"$NEWSREADER" --config "$T/p1.yaml" --print-config >"$T/p2.yaml"
is_file "$T/p2.yaml" "$T/p1.yaml" "read back with --config, it prints the same bytes"

# Where the file comes from: --config, else $NEWSREADER_CONFIG, else the
# default path; a file named and absent is a usage error.
err=$("$NEWSREADER" --config "$T/absent.yaml" --db "$T/x.db" --list --no-scan 2>&1 >/dev/null); st=$?
is "$st" 2 "--config naming a missing file exits 2"
like "$err" "$T/absent.yaml: no such config file \\(named by --config\\)" "and says so"
out=$(NEWSREADER_CONFIG="$T/mine.yaml" "$NEWSREADER" --print-config)
like "$out" '^measure: 66$' "\$NEWSREADER_CONFIG names the file"
out=$(NEWSREADER_CONFIG="$T/mine.yaml" "$NEWSREADER" --config "$T/defaults.yaml" --print-config)
like "$out" '^measure: 80$' "--config wins over \$NEWSREADER_CONFIG"
err=$(NEWSREADER_CONFIG="$T/absent.yaml" "$NEWSREADER" --db "$T/x.db" --list --no-scan 2>&1 >/dev/null); st=$?
is "$st" 2 "\$NEWSREADER_CONFIG naming a missing file exits 2"
like "$err" "named by NEWSREADER_CONFIG" "and says which named it"
mkdir -p "$XDG_CONFIG_HOME/newsreader"
printf 'measure: 90\n' >"$XDG_CONFIG_HOME/newsreader/config.yaml"
like "$("$NEWSREADER" --print-config)" '^measure: 90$' "the default path is read when present"
rm "$XDG_CONFIG_HOME/newsreader/config.yaml"

# Faults: FILE:LINE:COL, the nearest valid name, in a mode without keys.
cat >"$T/bad.yaml" <<'YAML'
mesure: 70
colors:
  unred: bold
timezone: Mars/Olympus
keys:
  global:
    x: toggle-reed
  lsit:
    a: quit
YAML
mkdir -p "$T/news"
printf -- '---\ntitle: t\ndate: 2021-01-01\n---\nbody\n' >"$T/news/a.md"
err=$("$NEWSREADER" --config "$T/bad.yaml" --list "$T/news" 2>&1 >/dev/null); st=$?
is "$st" 0 "bad entries do not stop --list"
like "$err" "^newsreader: $T/bad.yaml:1:1: unknown setting 'mesure'; did you mean measure\\?\$" \
    "an unknown setting: FILE:LINE:COL and the nearest"
like "$err" "^newsreader: $T/bad.yaml:3:3: colors: unknown element 'unred'; did you mean unread\\?\$" \
    "an unknown colour element"
like "$err" "^newsreader: $T/bad.yaml:7:8: keys: global: x: unknown command 'toggle-reed'; did you mean toggle-read\\?\$" \
    "an unknown command, reported by --list too, whole"
like "$err" "^newsreader: $T/bad.yaml:8:3: keys: lsit: a: unknown key table .*; did you mean list\\?\$" \
    "an unknown key table"
like "$err" "^newsreader: $T/bad.yaml:4:11: timezone: unknown time zone 'Mars/Olympus'" \
    "an unknown time zone, named"
err=$("$NEWSREADER" --config "$T/bad.yaml" --dump "$T/news/a.md" 2>&1 >/dev/null)
like "$err" "toggle-reed'; did you mean toggle-read" "--dump reports the keys' faults too"

# The unknown zone is not a silent UTC: times stay in TZ's zone.
printf 'timezone: Mars/Olympus\n' >"$T/tz.yaml"
printf -- '---\ntitle: z\ndate: 2021-01-01T00:00:00Z\n---\n' >"$T/news/z.md"
is "$(TZ=JST-9 "$NEWSREADER" --db "$T/tz.db" --config "$T/tz.yaml" --list "$T/news/z.md" 2>/dev/null | cut -f1)" \
    "2021-01-01 09:00" "an unknown zone leaves TZ's local time (not UTC's)"

# $NEWSREADER_DB, and --db over it.
NEWSREADER_DB="$T/env.db" "$NEWSREADER" --list "$T/news" >/dev/null
ok $? "--list with \$NEWSREADER_DB"
test -s "$T/env.db"
ok $? "\$NEWSREADER_DB names the collection's database"
NEWSREADER_DB="$T/env.db" "$NEWSREADER" --db "$T/opt.db" --list "$T/news" >/dev/null
test -s "$T/opt.db"
ok $? "--db wins over \$NEWSREADER_DB"

# --tags and --authors: NAME, articles, unread, as --categories.
mkdir -p "$T/tagged"
printf -- '---\ntitle: one\ndate: 2021-01-01\ntags: [新闻, b]\nauthor: 张三\n---\n' >"$T/tagged/1.md"
printf -- '---\ntitle: two\ndate: 2021-01-02\ntags: [新闻]\nauthor: 张三\n---\n' >"$T/tagged/2.md"
printf -- '---\ntitle: three\ndate: 2021-01-03\nauthor: Li\n---\n' >"$T/tagged/3.md"
"$NEWSREADER" --db "$T/t.db" --list "$T/tagged" >/dev/null
"$NEWSREADER" --db "$T/t.db" --mark-read "$T/tagged/2.md" >/dev/null
is "$("$NEWSREADER" --db "$T/t.db" --tags "$T/tagged")" \
    "$(printf 'b\t1\t1\n新闻\t2\t1')" "--tags: TAG, articles, unread"
is "$("$NEWSREADER" --db "$T/t.db" --authors "$T/tagged")" \
    "$(printf 'Li\t1\t1\n张三\t2\t1')" "--authors: NAME, articles, unread"

done_testing

/* SPDX-License-Identifier: MIT */
/*
 * quote: C-style quoting of names (paths, category paths) for output
 * that must name them exactly, and reading the quoted form back.
 *
 * A file name may hold any byte but '/' and NUL, and a category any
 * character: a TAB, a newline, an escape sequence, bytes that are not
 * UTF-8. Scrubbed for the terminal, such a name would print as some other
 * name, or none. So, as `ls --quoting-style=c` and git's core.quotePath
 * do, a name that needs it is printed between double quotes with C
 * escapes, and one that does not is printed as it is:
 *
 *   report.md          report.md
 *   a<TAB>b.md         "a\tb.md"
 *   caf<0xE9>.md       "caf\351.md"         (Latin-1, not UTF-8)
 *   "x".md             "\"x\".md"
 *
 * A name needs quoting when it holds a C0 control, DEL, a C1 control,
 * U+2028 or U+2029, a bidi control (U+061C, U+200E, U+200F, U+202A..E,
 * U+2066..9) or a byte that is not UTF-8, or when it starts with '"'.
 * Inside the quotes '"' and '\' are escaped, BEL BS TAB LF VT FF CR are
 * \a \b \t \n \v \f \r, and every other byte of those characters is \ooo
 * (three octal digits); everything else, Chinese included, is as it is.
 * The quoted form is printable ASCII plus valid UTF-8 text: safe on a
 * terminal, one field of a TAB-separated line.
 *
 * Reading back (quote_unquote) takes exactly those escapes, so what
 * --list or --categories prints can be given to --dump, --mark-read or
 * --category.
 */
#ifndef NR_QUOTE_H
#define NR_QUOTE_H

#include <stdbool.h>
#include <stddef.h>

struct buf;

/* True when s (len bytes) must be quoted to be printed as itself. */
bool quote_needed(const char *s, size_t len);

/* Append s (len bytes) to out: quoted and escaped if needed, else as is. */
void quote_add(struct buf *out, const char *s, size_t len);

/*
 * When s is wholly one quoted name (a '"', escapes and text, a closing
 * '"' and nothing after it) that decodes to no NUL, append what it names
 * to out and return 0; else return -1 (out unchanged). The result is
 * never longer than s.
 */
int quote_unquote(struct buf *out, const char *s);

/*
 * A name given on the command line, in place: when arg is in quoted form,
 * it is replaced by the name it quotes. For a path (is_path), a file that
 * exists under the literal name arg wins, so a name that merely looks
 * quoted still works. Returns arg.
 */
char *quote_arg(char *arg, bool is_path);

#endif

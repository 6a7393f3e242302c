/* SPDX-License-Identifier: MIT */
/*
 * nr-pty: run a full-screen program on a pseudo-terminal, feed it keys
 * and measure what it writes to the terminal.
 *
 *   nr-pty [-v [-n]] [-s COLSxLINES] [-g GAP_MS] [-e VAR=VALUE]... [-o LOG]
 *          SCRIPT -- CMD [ARG]...
 *
 * -o copies everything the program writes to LOG, to look at.
 *
 * -v also feeds everything the program writes to a terminal emulated with
 * libvterm (of the -s size, UTF-8, with left/right margins, which tmux
 * lacks), so a script can look at its screen, and writes the emulator's
 * answers to queries (DECRQM, DA, ...) back to the program as a terminal
 * would. -n keeps the emulator quiet: it draws but never answers. Built
 * without libvterm, -v says so and exits 77 (automake's "skipped").
 *
 * SCRIPT is a file of steps, one a line:
 *
 *   until TEXT     wait until the output since the last mark contains TEXT
 *   settle         wait until the program has written nothing for GAP ms
 *   send KEYS      write KEYS (escapes: \e \r \n \t \\ \xHH)
 *   repeat N KEYS  write KEYS N times, all at once (a held-down key)
 *   each N KEYS    write KEYS N times, each after the output settles
 *   mark LABEL     print "LABEL bytes=B ms=T": B bytes written since the
 *                  last mark, T the time from the last send (or the start)
 *                  to the last byte written
 *   show LABEL     the bytes since the last mark, then as mark; escapes
 *                  written as \e, \r, \n, \xHH, and a line break before
 *                  each ESC so the sequences can be read one by one
 *   rss LABEL      print "LABEL rss_kb=K": the program's peak RSS so far
 *   sleep MS       read the output for MS milliseconds
 *   screen LABEL   (-v only) print a line "LABEL", then each row of the
 *                  emulated screen as "|" and its text: UTF-8, a wide
 *                  character once (its second cell skipped), trailing
 *                  blanks trimmed
 *   # ...          a comment
 *
 * Every wait is bounded (10 s); a timeout is reported and exits 1. Without
 * -v (or with -n) the terminal is never answered: programs that query it
 * see no reply, as over a slow link, and both programs compared are
 * treated alike. Bytes are counted as the program writes them, with or
 * without -v.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifdef HAVE_VTERM
#include <vterm.h>
#endif

#define WAIT_LIMIT_MS 10000

struct vt;

struct run {
	int fd;			/* the pty's master side */
	pid_t pid;
	int gap_ms;		/* what "settled" means */
	size_t bytes;		/* written by the program since the last mark */
	double t_send;		/* ms: the last send (or the start) */
	double t_last;		/* ms: the last byte received */
	char *seen;		/* output since the last mark, for until */
	FILE *log;		/* -o: a copy of all output, or NULL */
	size_t nseen, aseen;
	struct vt *vt;		/* -v: the emulated terminal, or NULL */
};

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
die(const char *msg)
{
	fprintf(stderr, "nr-pty: %s\n", msg);
	exit(1);
}

/*
 * Make room for need bytes in *p, which holds *alloc; the size at least
 * doubles, so appending stays linear.
 */
static void
grow(char **p, size_t *alloc, size_t need)
{
	if (need <= *alloc)
		return;
	*alloc = need * 2;
	if (!(*p = realloc(*p, *alloc)))
		die("out of memory");
}

/*
 * The emulated terminal (-v). Every byte the program writes goes through
 * vt_feed; libvterm keeps the screen (cells of code points) and calls
 * vt_output with what a terminal would say back, which waits in reply
 * until vt_answer writes it to the pty.
 */
#ifdef HAVE_VTERM
struct vt {
	VTerm *term;
	VTermScreen *screen;
	int rows, cols;		/* cells, as -s gave them */
	int quiet;		/* -n: answers are dropped, never queued */
	char *reply;		/* answers not yet written to the program */
	size_t nreply, areply;
};

/* libvterm's output callback: queue an answer (written by vt_answer). */
static void
vt_output(const char *s, size_t len, void *arg)
{
	struct vt *vt = arg;

	if (vt->quiet)
		return;
	grow(&vt->reply, &vt->areply, vt->nreply + len);
	memcpy(vt->reply + vt->nreply, s, len);
	vt->nreply += len;
}

/* A terminal of rows x cols that answers unless quiet; vt_free frees it. */
static struct vt *
vt_new(int rows, int cols, int quiet)
{
	struct vt *vt = calloc(1, sizeof *vt);

	if (!vt || !(vt->term = vterm_new(rows, cols)))
		die("cannot make the emulated terminal");
	vt->rows = rows;
	vt->cols = cols;
	vt->quiet = quiet;
	vterm_set_utf8(vt->term, 1);
	vterm_output_set_callback(vt->term, vt_output, vt);
	vt->screen = vterm_obtain_screen(vt->term);
	/* Full-screen programs switch to it (smcup), as on any xterm. */
	vterm_screen_enable_altscreen(vt->screen, 1);
	vterm_screen_reset(vt->screen, 1);
	return vt;
}

static void
vt_free(struct vt *vt)
{
	vterm_free(vt->term);
	free(vt->reply);
	free(vt);
}

static void
vt_feed(struct vt *vt, const char *s, size_t len)
{
	vterm_input_write(vt->term, s, len);
}

/*
 * Write the queued answers to the program, without blocking: were its
 * input full (a program that asks and does not read), a blocking write
 * would stop the harness reading its output, and both would wait for
 * ever. What does not fit stays queued for the next call. An error means
 * the program has gone: there is no one left to answer.
 */
static void
vt_answer(struct vt *vt, int fd)
{
	int flags;
	ssize_t n;

	if (vt->nreply == 0)
		return;
	flags = fcntl(fd, F_GETFL);
	fcntl(fd, F_SETFL, flags | O_NONBLOCK);
	n = write(fd, vt->reply, vt->nreply);
	fcntl(fd, F_SETFL, flags);
	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	if (n < 0)
		n = (ssize_t)vt->nreply;
	vt->nreply -= (size_t)n;
	memmove(vt->reply, vt->reply + n, vt->nreply);
}

/* Write code point c as UTF-8. */
static void
put_utf8(uint32_t c)
{
	if (c < 0x80) {
		putchar((int)c);
	} else if (c < 0x800) {
		putchar((int)(0xc0 | c >> 6));
		putchar((int)(0x80 | (c & 0x3f)));
	} else if (c < 0x10000) {
		putchar((int)(0xe0 | c >> 12));
		putchar((int)(0x80 | (c >> 6 & 0x3f)));
		putchar((int)(0x80 | (c & 0x3f)));
	} else {
		putchar((int)(0xf0 | (c >> 18 & 0x07)));
		putchar((int)(0x80 | (c >> 12 & 0x3f)));
		putchar((int)(0x80 | (c >> 6 & 0x3f)));
		putchar((int)(0x80 | (c & 0x3f)));
	}
}

/*
 * libvterm marks the second cell of a wide character with the character
 * -1. Walking the cells by their width skips it; one met alone (should
 * its first cell have been overwritten) shows nothing, like an empty cell.
 */
#define VT_SECOND_HALF ((uint32_t)-1)

/* A cell that shows nothing: empty (never written, erased) or a space. */
static int
vt_blank(const VTermScreenCell *cell)
{
	return cell->chars[0] == 0 || cell->chars[0] == ' ' ||
	    cell->chars[0] == VT_SECOND_HALF;
}

/* The screen step: "label", then "|" and the text of each row. */
static void
vt_print_screen(struct vt *vt, const char *label)
{
	VTermScreenCell cell;
	VTermPos pos;
	int end;

	printf("%s\n", label);
	for (pos.row = 0; pos.row < vt->rows; pos.row++) {
		/* end: the column after the last one that shows something */
		end = 0;
		for (pos.col = 0; pos.col < vt->cols; pos.col += cell.width) {
			vterm_screen_get_cell(vt->screen, pos, &cell);
			if (cell.width < 1)
				cell.width = 1;
			if (!vt_blank(&cell))
				end = pos.col + cell.width;
		}
		putchar('|');
		for (pos.col = 0; pos.col < end; pos.col += cell.width) {
			vterm_screen_get_cell(vt->screen, pos, &cell);
			if (cell.width < 1)
				cell.width = 1;
			if (cell.chars[0] == 0 || cell.chars[0] == VT_SECOND_HALF) {
				putchar(' ');
				continue;
			}
			/* the character, then any combining marks */
			for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL &&
			    cell.chars[i] != 0; i++)
				put_utf8(cell.chars[i]);
		}
		putchar('\n');
	}
	fflush(stdout);
}
#else
/*
 * Built without libvterm: -v stops here, so r->vt stays NULL and the
 * other functions are never called.
 */
static struct vt *
vt_new(int rows, int cols, int quiet)
{
	(void)rows;
	(void)cols;
	(void)quiet;
	fprintf(stderr, "nr-pty: built without libvterm\n");
	exit(77);
}

static void
vt_free(struct vt *vt)
{
	(void)vt;
}

static void
vt_feed(struct vt *vt, const char *s, size_t len)
{
	(void)vt;
	(void)s;
	(void)len;
}

static void
vt_answer(struct vt *vt, int fd)
{
	(void)vt;
	(void)fd;
}

static void
vt_print_screen(struct vt *vt, const char *label)
{
	(void)vt;
	(void)label;
}
#endif

/* Read what is there, waiting at most ms; returns bytes read, -1 at EOF. */
static ssize_t
pump(struct run *r, int ms)
{
	struct pollfd p = { r->fd, POLLIN, 0 };
	char buf[65536];
	ssize_t n;

	if (r->vt)
		vt_answer(r->vt, r->fd);	/* what did not fit before */
	if (poll(&p, 1, ms) <= 0)
		return 0;
	n = read(r->fd, buf, sizeof buf);
	if (n <= 0)
		return -1;
	r->bytes += (size_t)n;
	if (r->log)
		fwrite(buf, 1, (size_t)n, r->log);
	r->t_last = now_ms();
	if (r->vt) {
		vt_feed(r->vt, buf, (size_t)n);
		vt_answer(r->vt, r->fd);
	}
	grow(&r->seen, &r->aseen, r->nseen + (size_t)n + 1);
	memcpy(r->seen + r->nseen, buf, (size_t)n);
	r->nseen += (size_t)n;
	r->seen[r->nseen] = '\0';
	return n;
}

static void
settle(struct run *r)
{
	double start = now_ms();

	for (;;) {
		ssize_t n = pump(r, r->gap_ms);

		if (n == 0 || n < 0)
			return;
		if (now_ms() - start > WAIT_LIMIT_MS)
			die("timed out waiting for the output to settle");
	}
}

static void
until(struct run *r, const char *text)
{
	double start = now_ms();

	while (!r->seen || !memmem(r->seen, r->nseen, text, strlen(text))) {
		if (pump(r, 50) < 0)
			die("the program ended before the text appeared");
		if (now_ms() - start > WAIT_LIMIT_MS) {
			fprintf(stderr, "nr-pty: timed out waiting for '%s'\n", text);
			exit(1);
		}
	}
}

/* Decode the escapes in s in place; returns the length. */
static size_t
unescape(char *s)
{
	char *o = s;

	for (char *p = s; *p; p++) {
		if (*p != '\\' || !p[1]) {
			*o++ = *p;
			continue;
		}
		switch (*++p) {
		case 'e': *o++ = 27; break;
		case 'r': *o++ = '\r'; break;
		case 'n': *o++ = '\n'; break;
		case 't': *o++ = '\t'; break;
		case 'x': {
			char hex[3] = { p[1], p[1] ? p[2] : 0, 0 };

			*o++ = (char)strtol(hex, NULL, 16);
			p += 2;
			break;
		}
		default: *o++ = *p; break;
		}
	}
	return (size_t)(o - s);
}

static void
send_keys(struct run *r, const char *keys, size_t len, long times)
{
	size_t total = len * (size_t)times, off = 0;
	char *all = malloc(total + 1);

	if (!all)
		die("out of memory");
	for (long i = 0; i < times; i++)
		memcpy(all + (size_t)i * len, keys, len);
	r->t_send = now_ms();
	while (off < total) {
		ssize_t n = write(r->fd, all + off, total - off);

		if (n < 0 && errno != EINTR && errno != EAGAIN)
			die("cannot write to the program");
		if (n > 0)
			off += (size_t)n;
		pump(r, 0);	/* keep the program from blocking on output */
	}
	free(all);
}

static void
mark(struct run *r, const char *label)
{
	double ms = r->t_last > r->t_send ? r->t_last - r->t_send : 0;

	printf("%s bytes=%zu ms=%.2f\n", label, r->bytes, ms);
	fflush(stdout);
	r->bytes = 0;
	r->nseen = 0;
	if (r->seen)
		r->seen[0] = '\0';
	r->t_send = r->t_last = now_ms();
}

/* Print the bytes since the last mark, readable; then mark. */
static void
show(struct run *r, const char *label)
{
	printf("%s:", label);
	for (size_t i = 0; i < r->nseen; i++) {
		unsigned char c = (unsigned char)r->seen[i];

		if (c == 27)
			printf("\n  \\e");
		else if (c == '\r')
			printf("\\r");
		else if (c == '\n')
			printf("\\n");
		else if (c == '\\')
			printf("\\\\");
		else if (c < 32 || c == 127)
			printf("\\x%02x", c);
		else
			putchar(c);
	}
	putchar('\n');
	mark(r, label);
}

static void
rss(struct run *r, const char *label)
{
	char path[64], line[256];
	FILE *fp;
	long kb = -1;

	snprintf(path, sizeof path, "/proc/%d/status", (int)r->pid);
	if ((fp = fopen(path, "r"))) {
		while (fgets(line, sizeof line, fp))
			if (sscanf(line, "VmHWM: %ld kB", &kb) == 1)
				break;
		fclose(fp);
	}
	printf("%s rss_kb=%ld\n", label, kb);
	fflush(stdout);
}

static void
run_script(struct run *r, FILE *script)
{
	char line[4096];

	while (fgets(line, sizeof line, script)) {
		char *arg, *rest;
		size_t len;
		long n;

		line[strcspn(line, "\n")] = '\0';
		if (!line[0] || line[0] == '#')
			continue;
		arg = strchr(line, ' ');
		if (arg)
			*arg++ = '\0';
		else
			arg = line + strlen(line);
		if (!strcmp(line, "until")) {
			len = unescape(arg);
			arg[len] = '\0';
			until(r, arg);
		} else if (!strcmp(line, "settle")) {
			settle(r);
		} else if (!strcmp(line, "send")) {
			len = unescape(arg);
			send_keys(r, arg, len, 1);
		} else if (!strcmp(line, "repeat") || !strcmp(line, "each")) {
			n = strtol(arg, &rest, 10);
			if (n < 1 || *rest != ' ')
				die("repeat/each: N KEYS");
			rest++;
			len = unescape(rest);
			if (line[0] == 'r') {
				send_keys(r, rest, len, n);
			} else {
				double t0 = now_ms();

				for (long i = 0; i < n; i++) {
					send_keys(r, rest, len, 1);
					settle(r);
				}
				r->t_send = t0;
			}
		} else if (!strcmp(line, "mark")) {
			mark(r, arg);
		} else if (!strcmp(line, "show")) {
			show(r, arg);
		} else if (!strcmp(line, "rss")) {
			rss(r, arg);
		} else if (!strcmp(line, "screen")) {
			if (!r->vt)
				die("screen: there is no screen without -v");
			vt_print_screen(r->vt, arg);
		} else if (!strcmp(line, "sleep")) {
			double end = now_ms() + atof(arg);

			while (now_ms() < end)
				if (pump(r, (int)(end - now_ms()) + 1) < 0)
					break;
		} else {
			fprintf(stderr, "nr-pty: unknown step '%s'\n", line);
			exit(2);
		}
	}
}

int
main(int argc, char **argv)
{
	struct winsize ws = { 24, 80, 0, 0 };
	struct run r = { .fd = -1, .gap_ms = 150 };
	FILE *script;
	int c, status;
	char **envs = NULL;
	int nenv = 0, emulate = 0, quiet = 0;

	while ((c = getopt(argc, argv, "+s:g:e:o:vn")) != -1) {
		switch (c) {
		case 'v':
			emulate = 1;
			break;
		case 'n':
			quiet = 1;
			break;
		case 's':
			if (sscanf(optarg, "%hux%hu", &ws.ws_col, &ws.ws_row) != 2)
				die("-s COLSxLINES");
			break;
		case 'g':
			r.gap_ms = atoi(optarg);
			break;
		case 'o':
			if (!(r.log = fopen(optarg, "wb")))
				die("cannot write the -o file");
			break;
		case 'e':
			envs = realloc(envs, sizeof *envs * (size_t)(nenv + 1));
			envs[nenv++] = optarg;
			break;
		default:
			return 2;
		}
	}
	if (optind + 2 > argc || strcmp(argv[optind + 1], "--") != 0 ||
	    optind + 3 > argc) {
		fprintf(stderr, "usage: nr-pty [-v [-n]] [-s COLSxLINES] "
		    "[-g GAP_MS] [-e VAR=VALUE]... [-o LOG] SCRIPT -- CMD "
		    "[ARG]...\n");
		return 2;
	}
	if (quiet && !emulate) {
		fprintf(stderr, "nr-pty: -n needs -v\n");
		return 2;
	}
	if (emulate)
		r.vt = vt_new(ws.ws_row, ws.ws_col, quiet);
	if (!(script = fopen(argv[optind], "r")))
		die("cannot open the script");
	r.t_send = r.t_last = now_ms();
	r.pid = forkpty(&r.fd, NULL, NULL, &ws);
	if (r.pid < 0)
		die("forkpty failed");
	if (r.pid == 0) {
		for (int i = 0; i < nenv; i++)
			putenv(envs[i]);
		execvp(argv[optind + 2], argv + optind + 2);
		_exit(127);
	}
	run_script(&r, script);
	fclose(script);
	/* Let it end: drain until EOF, then reap (bounded). */
	{
		double start = now_ms();

		while (pump(&r, 100) >= 0 && now_ms() - start < WAIT_LIMIT_MS)
			;
	}
	kill(r.pid, SIGTERM);
	waitpid(r.pid, &status, 0);
	if (r.vt)
		vt_free(r.vt);
	free(r.seen);
	free(envs);
	if (r.log)
		fclose(r.log);
	return 0;
}

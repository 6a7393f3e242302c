/*
 * nr-pty: run a full-screen program on a pseudo-terminal, feed it keys
 * and measure what it writes to the terminal.
 *
 *   nr-pty [-s COLSxLINES] [-g GAP_MS] [-e VAR=VALUE]... [-o LOG] SCRIPT -- CMD [ARG]...
 *
 * -o copies everything the program writes to LOG, to look at.
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
 *   # ...          a comment
 *
 * Every wait is bounded (10 s); a timeout is reported and exits 1. The
 * terminal is never answered: programs that query it see no reply, as
 * over a slow link, and both programs compared are treated alike.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define WAIT_LIMIT_MS 10000

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

/* Read what is there, waiting at most ms; returns bytes read, -1 at EOF. */
static ssize_t
pump(struct run *r, int ms)
{
	struct pollfd p = { r->fd, POLLIN, 0 };
	char buf[65536];
	ssize_t n;

	if (poll(&p, 1, ms) <= 0)
		return 0;
	n = read(r->fd, buf, sizeof buf);
	if (n <= 0)
		return -1;
	r->bytes += (size_t)n;
	if (r->log)
		fwrite(buf, 1, (size_t)n, r->log);
	r->t_last = now_ms();
	if (r->nseen + (size_t)n + 1 > r->aseen) {
		r->aseen = (r->nseen + (size_t)n + 1) * 2;
		r->seen = realloc(r->seen, r->aseen);
		if (!r->seen)
			die("out of memory");
	}
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
	int nenv = 0;

	while ((c = getopt(argc, argv, "+s:g:e:o:")) != -1) {
		switch (c) {
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
		fprintf(stderr, "usage: nr-pty [-s COLSxLINES] [-g GAP_MS] "
		    "[-e VAR=VALUE]... [-o LOG] SCRIPT -- CMD [ARG]...\n");
		return 2;
	}
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
	free(r.seen);
	free(envs);
	if (r.log)
		fclose(r.log);
	return 0;
}

/* SPDX-License-Identifier: MIT */
/*
 * ui-term: curses set-up and the terminal's inputs.
 *
 * Keys are read through a 1x1 window that is never drawn into: wget_wch()
 * refreshes the window it reads from when that window has changed, and an
 * untouched private window keeps reading from causing output.
 */
#include "config.h"
#include "ui-term.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <unistd.h>

#include "report.h"
#include "xmalloc.h"

/*
 * The write end of the signal pipe. A static because a signal handler is
 * given no context; it is set while a terminal is open and -1 otherwise.
 */
static volatile int sig_pipe_write = -1;

static const int caught_signals[3] = { SIGTERM, SIGHUP, SIGINT };

/*
 * A key code no sequence is bound to, from `from` on: curses numbers the
 * terminal's extended keys (xterm's modified arrows and the like) above
 * KEY_MAX itself, so a code of our own is one it has left free.
 */
static int
free_key_code(int from)
{
	for (int c = from; c < from + 4096; c++) {
		char *bound = keybound(c, 0);

		if (!bound)
			return c;
		free(bound);
	}
	return -1;
}

static void
on_signal(int sig)
{
	int saved = errno;
	unsigned char b = (unsigned char)sig;

	if (sig_pipe_write >= 0)
		(void)!write(sig_pipe_write, &b, 1);
	errno = saved;
}

static bool
usable(void)
{
	const char *cup = tigetstr("cup");

	return cup && cup != (char *)-1;
}

/* Try one description; on success the screen is set up. */
static bool
try_term(struct ui_term *t, const char *name)
{
	t->screen = newterm(name, t->out, t->in);
	if (!t->screen)
		return false;
	if (!usable()) {
		endwin();
		delscreen(t->screen);
		t->screen = NULL;
		return false;
	}
	t->term_name = xstrdup(name);
	return true;
}

static int
pick_term(struct ui_term *t, struct error *err)
{
	static const char *const fallbacks[] = { "xterm-256color", "vt100" };
	const char *env = getenv("TERM");

	if (env && strcmp(env, "dumb") == 0) {
		error_set(err, "TERM=dumb cannot show the full-screen interface; "
		    "use --list or --dump for plain output");
		return -1;
	}
	if (env && *env && try_term(t, env))
		return 0;
	for (size_t i = 0; i < sizeof fallbacks / sizeof fallbacks[0]; i++) {
		if (!try_term(t, fallbacks[i]))
			continue;
		if (env && *env)
			t->warning = xasprintf("unknown terminal type '%s'; using %s",
			    env, fallbacks[i]);
		else
			t->warning = xasprintf("TERM is not set; using %s",
			    fallbacks[i]);
		return 0;
	}
	error_set(err, "no usable terminal description for TERM=%s; "
	    "use --list or --dump for plain output", env ? env : "");
	return -1;
}

static int
open_input(struct ui_term *t, struct error *err)
{
	int fd;

	if (isatty(STDIN_FILENO)) {
		t->in = stdin;
		return 0;
	}
	fd = open("/dev/tty", O_RDWR | O_CLOEXEC);
	if (fd < 0 || !(t->in = fdopen(fd, "r"))) {
		if (fd >= 0)
			close(fd);
		error_set(err, "standard input is not a terminal and /dev/tty "
		    "cannot be opened; use --list or --dump for plain output");
		return -1;
	}
	t->own_in = true;
	return 0;
}

static void
catch_signals(struct ui_term *t)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (int i = 0; i < 3; i++)
		sigaction(caught_signals[i], &sa, &t->old[i]);
	signal(SIGPIPE, SIG_IGN);
}

static void
restore_signals(struct ui_term *t)
{
	for (int i = 0; i < 3; i++)
		sigaction(caught_signals[i], &t->old[i], NULL);
}

static void
set_modes(struct ui_term *t)
{
	raw();			/* C-c, C-z, C-s reach us as keys */
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	curs_set(0);
	set_escdelay(25);
	/* No update stops half-way for waiting input: ui-scroll needs
	 * curscr to be the screen. The loop reads all input first. */
	typeahead(-1);
	keypad(t->input, TRUE);
	nodelay(t->input, TRUE);
	if (t->mouse) {
		mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED |
		    BUTTON5_PRESSED, NULL);
		mouseinterval(0);
	}
}

/*
 * Ask whether the terminal has left and right margins (DECRQM, mode 69).
 * The answer is read as a key: each of its forms is bound to a code of
 * our own (define_key), which curses gives when it matches the answer
 * whole, so it never reaches the key tables. 1 and 2 (set, reset) say
 * the mode is known; 0 (unknown), 3 and 4 (fixed) that it cannot be
 * used. The answer comes
 * later with the keys (ui_term_read()), so the first paint does not wait
 * for it, and a terminal that does not answer (tmux, VTE, a slow link
 * that loses it) is simply one without. Asked before the first paint,
 * which clears the screen: a terminal that shows the query instead of
 * parsing it loses the stray characters there.
 */
static void
ask_margins(struct ui_term *t)
{
	char seq[] = "\033[?69;_$y";

	t->key_margins_yes = free_key_code(KEY_MAX + 1);
	t->key_margins_no = t->key_margins_yes < 0 ? -1 :
	    free_key_code(t->key_margins_yes + 1);
	if (t->key_margins_no < 0)
		return;
	for (char answer = '0'; answer <= '4'; answer++) {
		seq[6] = answer;
		define_key(seq, answer == '1' || answer == '2' ?
		    t->key_margins_yes : t->key_margins_no);
	}
	fputs("\033[?69$p", t->out);
	fflush(t->out);
}

int
ui_term_open(struct ui_term *t, bool want_mouse, bool want_margins,
    struct error *err)
{
	memset(t, 0, sizeof *t);
	t->sig_pipe[0] = t->sig_pipe[1] = -1;
	t->key_margins_yes = t->key_margins_no = -1;
	ui_scroll_init(&t->scroll, stdout);
	buf_init(&t->pending, 0);
	t->out = stdout;
	if (!isatty(STDOUT_FILENO)) {
		error_set(err, "standard output is not a terminal; use --list or "
		    "--dump for plain output");
		return -1;
	}
	if (open_input(t, err) < 0)
		return -1;
	if (pipe2(t->sig_pipe, O_CLOEXEC | O_NONBLOCK) < 0) {
		error_set(err, "cannot make a pipe: %s", strerror(errno));
		ui_term_close(t);
		return -1;
	}
	/* Before newterm(), so curses leaves these signals to us. */
	sig_pipe_write = t->sig_pipe[1];
	catch_signals(t);
	if (pick_term(t, err) < 0) {
		ui_term_close(t);
		return -1;
	}
	t->input = newwin(1, 1, 0, 0);
	t->mouse = want_mouse;
	t->color = has_colors();
	set_modes(t);
	if (want_margins)
		ask_margins(t);
	return 0;
}

/*
 * Without an alternate screen (TERM=linux, vt220) our screen stays when
 * curses ends, the cursor on its last row: clear that row, the status
 * line, so the shell's prompt starts on an empty line instead of over
 * "1/7". endwin() has left the cursor there, in column 0.
 */
static void
no_alternate_screen_tidy(struct ui_term *t)
{
	const char *smcup = tigetstr("smcup"), *el = tigetstr("el");

	if (smcup && smcup != (char *)-1 && *smcup)
		return;
	if (!el || el == (char *)-1)
		return;
	putp(el);	/* curses' own output (t->out), padding understood */
	fflush(t->out);
}

void
ui_term_close(struct ui_term *t)
{
	if (t->screen) {
		ui_scroll_give_back(&t->scroll);
		if (t->mouse)
			mousemask(0, NULL);
		if (t->input)
			delwin(t->input);
		curs_set(1);
		endwin();
		ui_term_flush(t);
		no_alternate_screen_tidy(t);
		delscreen(t->screen);
		t->screen = NULL;
		t->input = NULL;
	}
	if (t->sig_pipe[1] >= 0) {
		restore_signals(t);
		sig_pipe_write = -1;
		close(t->sig_pipe[0]);
		close(t->sig_pipe[1]);
		t->sig_pipe[0] = t->sig_pipe[1] = -1;
	}
	if (t->own_in && t->in)
		fclose(t->in);
	t->in = NULL;
	t->own_in = false;
	free(t->term_name);
	free(t->warning);
	t->term_name = t->warning = NULL;
	buf_release(&t->pending);
	ui_scroll_release(&t->scroll);
}

int
ui_term_fd(const struct ui_term *t)
{
	return fileno(t->in);
}

int
ui_term_signal_fd(const struct ui_term *t)
{
	return t->sig_pipe[0];
}

int
ui_term_signal(struct ui_term *t)
{
	unsigned char b;

	if (t->sig_pipe[0] >= 0 && read(t->sig_pipe[0], &b, 1) == 1)
		return b;
	return 0;
}

static enum ui_term_event
read_mouse(struct ui_mouse *m)
{
	MEVENT ev;

	if (getmouse(&ev) != OK)
		return UI_TERM_NONE;
	m->y = ev.y;
	m->x = ev.x;
	if (ev.bstate & BUTTON4_PRESSED)
		m->what = UI_MOUSE_WHEEL_UP;
	else if (ev.bstate & BUTTON5_PRESSED)
		m->what = UI_MOUSE_WHEEL_DOWN;
	else if (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
		m->what = UI_MOUSE_CLICK;
	else
		return UI_TERM_NONE;
	return UI_TERM_MOUSE;
}

enum ui_term_event
ui_term_read(struct ui_term *t, ui_key *key, struct ui_mouse *mouse)
{
	wint_t wch;
	int ret;

	/*
	 * A mouse event we do not use (a button's release) is skipped, not
	 * returned as "nothing": curses may hold more input already read
	 * from the terminal, which poll() would never report.
	 */
	for (;;) {
		untouchwin(t->input);
		ret = wget_wch(t->input, &wch);
		if (ret == ERR)
			return UI_TERM_NONE;
		if (ret == KEY_CODE_YES && wch == KEY_RESIZE)
			return UI_TERM_RESIZE;
		if (ret == KEY_CODE_YES && t->key_margins_no > 0 &&
		    ((int)wch == t->key_margins_yes ||
		    (int)wch == t->key_margins_no)) {
			if ((int)wch == t->key_margins_yes && !t->scroll.margins)
				ui_scroll_margins_found(&t->scroll);
			continue;
		}
		if (ret == KEY_CODE_YES && wch == KEY_MOUSE) {
			if (t->mouse && read_mouse(mouse) == UI_TERM_MOUSE)
				return UI_TERM_MOUSE;
			continue;
		}
		*key = ui_key_from_wch(ret, (uint32_t)wch);
		return UI_TERM_KEY;
	}
}

void
ui_term_queue(struct ui_term *t, const char *s, size_t len)
{
	buf_add(&t->pending, s, len);
}

void
ui_term_flush(struct ui_term *t)
{
	size_t off = 0;

	if (!t->pending.len)
		return;
	fflush(t->out);
	while (off < t->pending.len) {
		ssize_t n = write(fileno(t->out), t->pending.buf + off,
		    t->pending.len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		off += (size_t)n;
	}
	buf_reset(&t->pending);
}

void
ui_term_suspend(struct ui_term *t)
{
	ui_scroll_give_back(&t->scroll);
	if (t->mouse)
		mousemask(0, NULL);
	def_prog_mode();
	endwin();
}

void
ui_term_resume(struct ui_term *t)
{
	reset_prog_mode();
	set_modes(t);
	ui_scroll_take_back(&t->scroll);
	clearok(curscr, TRUE);
}

void
ui_term_scroll(struct ui_term *t, WINDOW *w, int n)
{
	ui_scroll_window(&t->scroll, w, n);
}

void
ui_term_before_update(struct ui_term *t)
{
	ui_scroll_before_update(&t->scroll);
}

void
ui_term_give_back(struct ui_term *t)
{
	ui_scroll_give_back(&t->scroll);
}

void
ui_term_take_back(struct ui_term *t)
{
	ui_scroll_take_back(&t->scroll);
}

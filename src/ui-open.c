/* SPDX-License-Identifier: MIT */
/*
 * ui-open: the scheme whitelist, the choice of browser, fork/execvp.
 */
#include "config.h"
#include "ui-open.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"
#include "url.h"
#include "xmalloc.h"

static const char *const allowed_schemes[] = { "http", "https", "ftp", "mailto" };

bool
ui_open_allowed(const char *url)
{
	const char *colon = strchr(url, ':');
	size_t n;

	if (!colon)
		return false;
	n = (size_t)(colon - url);
	for (size_t i = 0; i < sizeof allowed_schemes / sizeof allowed_schemes[0];
	    i++) {
		if (strlen(allowed_schemes[i]) == n &&
		    strncasecmp(url, allowed_schemes[i], n) == 0)
			return true;
	}
	return false;
}

static bool
set(const char *name)
{
	const char *v = getenv(name);
	return v && *v;
}

static bool
on_path(const char *prog)
{
	const char *path = getenv("PATH");
	char *copy, *save = NULL;
	bool found = false;

	if (!path || !*path)
		path = "/usr/bin:/bin";
	copy = xstrdup(path);
	for (char *dir = strtok_r(copy, ":", &save); dir && !found;
	    dir = strtok_r(NULL, ":", &save)) {
		char *full = xasprintf("%s/%s", *dir ? dir : ".", prog);

		found = access(full, X_OK) == 0;
		free(full);
	}
	free(copy);
	return found;
}

void
ui_open_env(struct ui_open_env *env)
{
	const char *b = getenv("BROWSER");

	env->browser = b && *b ? b : NULL;
	env->display = set("DISPLAY") || set("WAYLAND_DISPLAY");
	env->ssh = set("SSH_CONNECTION") || set("SSH_TTY");
	env->have_xdg_open = on_path("xdg-open");
	env->have_sensible = on_path("sensible-browser");
}

enum ui_open_action
ui_open_decide(const char *url, const struct ui_open_env *env,
    const char **program)
{
	*program = NULL;
	if (!ui_open_allowed(url))
		return UI_OPEN_REFUSE;
	/* One clean argument: url_scrub() makes every link so. */
	if (!url_is_clean(url))
		return UI_OPEN_UNSAFE;
	if (env->browser) {
		*program = env->browser;
		return UI_OPEN_RUN_TERMINAL;
	}
	if (env->display && !env->ssh && env->have_xdg_open) {
		*program = "xdg-open";
		return UI_OPEN_RUN_DETACHED;
	}
	if (env->have_sensible) {
		*program = "sensible-browser";
		return UI_OPEN_RUN_TERMINAL;
	}
	return UI_OPEN_SHOW;
}

/* word with %s as url and %% as %; *used set when it had a %s. */
static char *
expand(const char *word, size_t len, const char *url, bool *used)
{
	struct buf b = BUF_INIT;

	for (size_t i = 0; i < len; i++) {
		if (word[i] == '%' && i + 1 < len && word[i + 1] == 's') {
			buf_adds(&b, url);
			*used = true;
			i++;
		} else if (word[i] == '%' && i + 1 < len && word[i + 1] == '%') {
			buf_addc(&b, '%');
			i++;
		} else {
			buf_addc(&b, word[i]);
		}
	}
	return buf_detach(&b, NULL);
}

char ***
ui_open_commands(const char *program, const char *url)
{
	char ***cmds = xcalloc(1, sizeof *cmds);
	size_t n = 0;

	for (const char *p = program; *p; ) {
		size_t len = strcspn(p, ":"), nw = 0;
		const char *end = p + len;
		char **argv = NULL;
		bool used = false;

		for (const char *w = p; w < end; ) {
			size_t wl;

			w += strspn(w, " \t");
			if (w >= end)
				break;
			wl = strcspn(w, " \t");
			if (w + wl > end)
				wl = (size_t)(end - w);
			argv = xreallocarray(argv, nw + 3, sizeof *argv);
			argv[nw++] = expand(w, wl, url, &used);
			w += wl;
		}
		if (nw > 0) {
			if (!used)
				argv[nw++] = xstrdup(url);
			argv[nw] = NULL;
			cmds = xreallocarray(cmds, n + 2, sizeof *cmds);
			cmds[n++] = argv;
		}
		p = *end ? end + 1 : end;
	}
	cmds[n] = NULL;
	return cmds;
}

void
ui_open_commands_free(char ***cmds)
{
	if (!cmds)
		return;
	for (char ***c = cmds; *c; c++) {
		for (char **w = *c; *w; w++)
			free(*w);
		free(*c);
	}
	free(cmds);
}

int
ui_open_run(const char *program, const char *url, bool wait)
{
	char ***cmds = ui_open_commands(program, url);
	int status, rc = -1, pipefd[2], err = 0;
	pid_t pid;
	ssize_t n;

	/*
	 * Everything is made before fork(): the child of a threaded program
	 * may call only what is async-signal-safe. A pipe closed on exec
	 * tells the parent whether a command started: the child writes to
	 * it only when every execvp() failed.
	 */
	if (!cmds[0] || pipe2(pipefd, O_CLOEXEC) < 0)
		goto out;
	pid = fork();
	if (pid < 0) {
		close(pipefd[0]);
		close(pipefd[1]);
		goto out;
	}
	if (pid == 0) {
		close(pipefd[0]);
		if (!wait) {
			int fd = open("/dev/null", O_RDWR);

			if (fd >= 0) {
				dup2(fd, 0);
				dup2(fd, 1);
				dup2(fd, 2);
				if (fd > 2)
					close(fd);
			}
			setsid();
		}
		for (char ***c = cmds; *c; c++)
			execvp((*c)[0], *c);
		err = errno;
		if (write(pipefd[1], &err, sizeof err) < 0)
			_exit(126);
		_exit(127);
	}
	close(pipefd[1]);
	while ((n = read(pipefd[0], &err, sizeof err)) < 0 && errno == EINTR)
		;
	close(pipefd[0]);
	if (!wait) {
		rc = n > 0 ? -1 : 0;
		if (rc < 0)
			waitpid(pid, NULL, 0);
		goto out;
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			goto out;
	if (n <= 0)
		rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
out:
	ui_open_commands_free(cmds);
	return rc;
}

void
ui_open_reap(void)
{
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
}

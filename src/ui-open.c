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
	if (env->ssh || !env->display)
		return UI_OPEN_SHOW;
	if (env->browser) {
		*program = env->browser;
		return UI_OPEN_RUN_TERMINAL;
	}
	if (env->have_xdg_open) {
		*program = "xdg-open";
		return UI_OPEN_RUN_DETACHED;
	}
	return UI_OPEN_SHOW;
}

int
ui_open_run(const char *program, const char *url, bool wait)
{
	char *argv[3];
	pid_t pid;
	int status;

	argv[0] = (char *)program;
	argv[1] = (char *)url;
	argv[2] = NULL;
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
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
		execvp(program, argv);
		_exit(127);
	}
	if (!wait)
		return 0;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	if (WIFEXITED(status))
		return WEXITSTATUS(status) == 127 ? -1 : WEXITSTATUS(status);
	return -1;
}

void
ui_open_reap(void)
{
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
}

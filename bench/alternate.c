/* SPDX-License-Identifier: MIT */
/*
 * alternate: time two or more commands run by turns, so that a change of
 * load on a shared machine falls on all of them alike.
 *
 *   alternate [-w WARMUP] RUNS CMD... [-- CMD...]...
 *
 * Each round runs every command once (fork and execvp, no shell, stdout
 * to /dev/null); after WARMUP untimed rounds (default 3), RUNS timed ones.
 * Prints one line per command: the median wall time and the median CPU
 * time (user + system, from wait4()), in milliseconds.
 */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_CMDS 8

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double
median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Run argv once; *wall and *cpu in ms. Returns its exit status or -1. */
static int
run(char **argv, double *wall, double *cpu)
{
	double t0 = now_ms();
	struct rusage ru;
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		int fd = open("/dev/null", O_WRONLY);
		if (fd >= 0)
			dup2(fd, 1);
		execvp(argv[0], argv);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) < 0)
		return -1;
	*wall = now_ms() - t0;
	*cpu = ru.ru_utime.tv_sec * 1e3 + ru.ru_utime.tv_usec / 1e3 +
	    ru.ru_stime.tv_sec * 1e3 + ru.ru_stime.tv_usec / 1e3;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int
main(int argc, char **argv)
{
	char **cmds[MAX_CMDS];
	int ncmds = 0, runs, warmup = 3, i = 1, status = 0;
	double *wall[MAX_CMDS], *cpu[MAX_CMDS];

	if (argc > 2 && strcmp(argv[1], "-w") == 0) {
		warmup = atoi(argv[2]);
		i = 3;
	}
	if (i >= argc || (runs = atoi(argv[i])) < 1)
		goto usage;
	for (i++; i < argc && ncmds < MAX_CMDS;) {
		int first = i;

		while (i < argc && strcmp(argv[i], "--") != 0)
			i++;
		if (i == first)
			goto usage;	/* an empty command: nothing to run */
		cmds[ncmds++] = &argv[first];
		if (i < argc)
			argv[i++] = NULL;	/* ends the command's argv */
	}
	if (ncmds == 0)
		goto usage;
	for (int c = 0; c < ncmds; c++) {
		wall[c] = calloc((size_t)runs, sizeof **wall);
		cpu[c] = calloc((size_t)runs, sizeof **cpu);
	}
	for (int r = -warmup; r < runs; r++)
		for (int c = 0; c < ncmds; c++) {
			double w, u;

			if (run(cmds[c], &w, &u) != 0) {
				fprintf(stderr, "alternate: %s failed\n", cmds[c][0]);
				status = 1;
				goto out;
			}
			if (r >= 0) {
				wall[c][r] = w;
				cpu[c][r] = u;
			}
		}
	for (int c = 0; c < ncmds; c++)
		printf("%.2f %.2f\n", median(wall[c], runs), median(cpu[c], runs));
out:
	for (int c = 0; c < ncmds; c++) {
		free(wall[c]);
		free(cpu[c]);
	}
	return status;
usage:
	fprintf(stderr, "usage: alternate [-w WARMUP] RUNS CMD... [-- CMD...]...\n");
	return 2;
}

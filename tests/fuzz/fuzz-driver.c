/* SPDX-License-Identifier: MIT */
/*
 * fuzz-driver: fuzz_main(), the plain mutation fuzzer every target runs in
 * `make check`, and fuzz_fail(), which both builds use (see fuzz.h).
 *
 * The mutations are libFuzzer's simplest four: flip a bit, cut the tail,
 * delete a span, insert a token the parsers care about. The random
 * sequence is xorshift64* from a fixed seed, so a run is the same run
 * every time.
 */
#include "config.h"

#include "fuzz.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "strvec.h"
#include "xmalloc.h"
#include "../unit/tap.h"

void
fuzz_fail(const char *file, int line, const char *what)
{
	fprintf(stderr, "%s:%d: fuzz check failed: %s\n", file, line, what);
	abort();
}

#ifndef NR_LIBFUZZER
/* Mutated inputs in all, shared among the seeds, unless NR_FUZZ_ROUNDS. */
#define FUZZ_ROUNDS 24000
/* The same under valgrind (NR_VALGRIND set, as tools/check's phase 3
 * does), which runs an input some 50 times slower: the sanitizer build
 * runs them all. */
#define FUZZ_ROUNDS_VALGRIND 2400
/* Mutations applied to a seed for one input: 1..FUZZ_MAX_MUTATIONS. */
#define FUZZ_MAX_MUTATIONS 8

/* xorshift64*: a fixed sequence, so a failure can be replayed. */
static uint64_t
next(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 0x2545F4914F6CDD1Dull;
}

static void
mutate(const struct fuzz_target *t, struct buf *b, uint64_t *rng)
{
	size_t pos = b->len ? next(rng) % (b->len + 1) : 0;
	struct buf tail = BUF_INIT;

	switch (next(rng) % 5) {
	case 0:		/* flip a bit */
		if (b->len)
			b->buf[pos % b->len] ^= (char)(1u << (next(rng) % 8));
		return;
	case 1:		/* cut */
		buf_setlen(b, pos);
		return;
	case 2:		/* delete a span */
		if (pos < b->len) {
			size_t n = next(rng) % (b->len - pos) + 1;

			memmove(b->buf + pos, b->buf + pos + n, b->len - pos - n);
			buf_setlen(b, b->len - n);
		}
		return;
	default: {	/* insert a token */
		const char *tok;
		size_t tl;

		if (t->ntokens == 0)
			return;
		tok = t->tokens[next(rng) % t->ntokens];
		tl = tok[0] ? strlen(tok) : 1;
		buf_add(&tail, b->buf + pos, b->len - pos);
		buf_setlen(b, pos);
		buf_add(b, tok, tl);
		buf_addbuf(b, &tail);
		buf_release(&tail);
		return;
	}
	}
}

/* Run the target on the file at path. 0, or -1 when it cannot be read. */
static int
run_file(const char *path)
{
	struct buf b = BUF_INIT;
	FILE *fp = fopen(path, "rb");
	char chunk[4096];
	size_t n;

	if (fp == NULL) {
		perror(path);
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&b, chunk, n);
	fclose(fp);
	LLVMFuzzerTestOneInput((const uint8_t *)b.buf, b.len);
	buf_release(&b);
	return 0;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Replay tests/fuzz/regress/NAME/, in name order: one check a file. */
static void
replay_regressions(const char *name)
{
	const char *top = getenv("top_srcdir");
	char *dir = xasprintf("%s/tests/fuzz/regress/%s",
	    top ? top : NR_BUILD_SRCDIR, name);
	DIR *d = opendir(dir);
	struct dirent *de;
	struct strvec files = STRVEC_INIT;

	if (d == NULL) {
		ok(1, "no regression inputs in %s", dir);
		free(dir);
		return;
	}
	while ((de = readdir(d)) != NULL)
		if (de->d_name[0] != '.')
			strvec_push(&files, de->d_name);
	closedir(d);
	if (files.nr > 1)
		qsort(files.v, files.nr, sizeof *files.v, by_name);
	for (size_t i = 0; i < files.nr; i++) {
		char *path = xasprintf("%s/%s", dir, files.v[i]);

		ok(run_file(path) == 0, "regress/%s/%s runs without a fault",
		    name, files.v[i]);
		free(path);
	}
	strvec_clear(&files);
	free(dir);
}

int
fuzz_main(const struct fuzz_target *t, int argc, char **argv)
{
	uint64_t rng = 0x9E3779B97F4A7C15ull;
	const char *env = getenv("NR_FUZZ_ROUNDS");	/* for long runs */
	long rounds = env ? atol(env) :
	    getenv("NR_VALGRIND") ? FUZZ_ROUNDS_VALGRIND : FUZZ_ROUNDS;
	int status = 0;

	if (argc > 1) {
		for (int i = 1; i < argc && status == 0; i++)
			if (run_file(argv[i]) < 0)
				status = 1;
		if (t->release)
			t->release();
		return status;
	}
	replay_regressions(t->name);
	for (size_t s = 0; s < t->nseeds; s++) {
		long per_seed = rounds / (long)t->nseeds;

		LLVMFuzzerTestOneInput((const uint8_t *)t->seeds[s],
		    strlen(t->seeds[s]));
		for (long r = 0; r < per_seed; r++) {
			struct buf b = BUF_INIT;
			int nmut = 1 + (int)(next(&rng) % FUZZ_MAX_MUTATIONS);

			buf_adds(&b, t->seeds[s]);
			for (int m = 0; m < nmut; m++)
				mutate(t, &b, &rng);
			LLVMFuzzerTestOneInput((const uint8_t *)b.buf, b.len);
			buf_release(&b);
		}
		ok(1, "%s seed %zu: %ld mutated inputs ran without a fault",
		    t->name, s, per_seed);
	}
	if (t->release)
		t->release();
	return tap_done();
}
#endif

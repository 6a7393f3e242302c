/* SPDX-License-Identifier: MIT */
/*
 * fuzz: what the fuzz targets share.
 *
 * Each tests/fuzz/fuzz-*.c defines LLVMFuzzerTestOneInput(). Built with
 * -DNR_LIBFUZZER and clang's -fsanitize=fuzzer (`make fuzz`), libFuzzer
 * drives it. Built plainly, as `make check` does, the target's main()
 * hands its seeds to fuzz_main() (fuzz-driver.c), a small deterministic
 * mutation fuzzer, so the sanitizer build and valgrind see every input.
 *
 * fuzz_main() first replays the files in tests/fuzz/regress/NAME/ (inputs
 * that once crashed the target; one check each), then mutates each seed
 * NR_FUZZ_ROUNDS / nseeds times (24000 in all by default, 2400 under
 * valgrind; the sequence is fixed, so a failure replays) and runs every
 * result. Given files as arguments it runs those instead, to replay a
 * crash by hand.
 */
#ifndef NR_FUZZ_H
#define NR_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Stop with a message when a target's own check of an invariant fails:
 * abort() is what libFuzzer and the plain driver both count as a crash. */
#define FUZZ_ASSERT(cond) \
	((cond) ? (void)0 : fuzz_fail(__FILE__, __LINE__, #cond))
void fuzz_fail(const char *file, int line, const char *what)
    __attribute__((noreturn));

#ifndef NR_LIBFUZZER
struct fuzz_target {
	const char *name;		/* "date": regress/date/ */
	const char *const *seeds;	/* NUL-terminated inputs */
	size_t nseeds;
	const char *const *tokens;	/* bytes worth inserting; "" is a NUL */
	size_t ntokens;
	/* Called after the last input, or NULL: frees what the target
	 * keeps from one input to the next, so valgrind sees no leak. */
	void (*release)(void);
};

/* The plain driver; returns main()'s exit status (TAP on stdout). */
int fuzz_main(const struct fuzz_target *t, int argc, char **argv);
#endif

#endif

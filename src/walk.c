/* SPDX-License-Identifier: MIT */
/*
 * walk: recursive directory walk; see walk.h.
 *
 * Each directory is opened relative to its parent's descriptor (openat),
 * its names read and sorted, then its descriptor kept only while its
 * entries are handled, so open descriptors never exceed the depth.
 * Visited directories and files live in one open-addressing hash set of
 * (dev, ino) pairs, kept for the whole run so that two operands, or two
 * links, that reach the same place list it once: 8 bytes a pair (a
 * bijective mix of the inode, so pairs of one file system never collide),
 * at most 7/8 full, as a scan of a million files holds them all. A loop
 * is told apart from a second way in by the stack of ancestors.
 */
#include "config.h"
#include "walk.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "buf.h"
#include "strvec.h"
#include "xmalloc.h"

/* --- the (dev, ino) set --- */

struct walk_key {
	dev_t dev;
	ino_t ino;
};

struct walk_set {
	uint64_t *v;		/* cap slots of set_key()s; 0 marks a free one */
	size_t nr, cap;		/* cap is 0 or a power of two */
};

/* splitmix64's finaliser: a bijection of 64-bit values. */
static uint64_t
mix64(uint64_t h)
{
	h ^= h >> 30;
	h *= 0xBF58476D1CE4E5B9ull;
	h ^= h >> 27;
	h *= 0x94D049BB133111EBull;
	return h ^ (h >> 31);
}

/*
 * One number for a (dev, ino) pair: for one dev a bijection of ino, so
 * that only pairs of different file systems may share one (at 2^-64 a
 * pair, accepted); never 0.
 */
static uint64_t
set_key(struct walk_key k)
{
	uint64_t h = mix64((uint64_t)k.ino ^ mix64((uint64_t)k.dev));

	return h ? h : 1;
}

/* Add k; returns false when it was there already. */
static bool
set_add(struct walk_set *s, struct walk_key k)
{
	uint64_t key = set_key(k);
	size_t i;

	if (8 * (s->nr + 1) > 7 * s->cap) {
		struct walk_set big;

		big.cap = s->cap ? 2 * s->cap : 256;
		big.nr = s->nr;
		big.v = xcalloc(big.cap, sizeof *big.v);
		for (size_t j = 0; j < s->cap; j++) {
			if (!s->v[j])
				continue;
			for (i = s->v[j] & (big.cap - 1); big.v[i];
			    i = (i + 1) & (big.cap - 1))
				;
			big.v[i] = s->v[j];
		}
		free(s->v);
		*s = big;
	}
	for (i = key & (s->cap - 1); s->v[i]; i = (i + 1) & (s->cap - 1))
		if (s->v[i] == key)
			return false;
	s->v[i] = key;
	s->nr++;
	return true;
}

/* --- walking --- */

/* The directories from the operand down to the one being read. */
struct ancestors {
	struct walk_key v[WALK_MAX_DEPTH + 1];
	int depth;
};

static const char *const wanted_exts[] = {
	"md", "markdown", "mkd", "html", "htm", "txt",
};

static bool
wanted_ext(const char *ext)
{
	for (size_t i = 0; i < sizeof wanted_exts / sizeof *wanted_exts; i++)
		if (strcasecmp(ext, wanted_exts[i]) == 0)
			return true;
	return false;
}

bool
walk_wanted(const char *name)
{
	const char *dot = strrchr(name, '.');

	return name[0] != '.' && dot != NULL && wanted_ext(dot + 1);
}

static void __attribute__((format(printf, 3, 4)))
warn(struct walk *w, const char *path, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	if (w->rep && w->rep->fn)
		w->rep->fn(w->rep->ctx, path, 0, b.buf);
	buf_release(&b);
}

/*
 * A name beginning with '.' is left out of a directory walk. Real
 * archives have posts named ".md" (a title that was empty): with
 * --verbose, say so for those, and for hidden folders.
 */
static void
hidden(struct walk *w, const struct buf *dir, const struct dirent *de)
{
	const char *name = de->d_name, *rest = name + strspn(name, "."), *what;
	char *path;

	if (!w->rep || !w->rep->verbose || strcmp(name, ".") == 0 ||
	    strcmp(name, "..") == 0)
		return;
	if (de->d_type == DT_DIR)
		what = "a hidden folder (its name begins with '.'); skipped";
	else if (walk_wanted(rest) || wanted_ext(rest))	/* ".md" too */
		what = "a hidden file (its name begins with '.'); skipped";
	else
		return;
	path = xasprintf("%s%s%s", dir->buf, dir->len &&
	    dir->buf[dir->len - 1] != '/' ? "/" : "", name);
	warn(w, path, "%s", what);
	free(path);
}

static int
file(struct walk *w, const char *path, const struct stat *st)
{
	if (!set_add(w->seen, (struct walk_key){ st->st_dev, st->st_ino }))
		return 0;	/* reached before, by another name */
	return w->fn(w->ctx, path, st);
}

static int walk_dir(struct walk *w, int fd, struct buf *path,
    struct ancestors *up);

/* Handle the entry name of the directory dirfd, whose path is path. */
static int
entry(struct walk *w, int dirfd, const char *name, unsigned char type,
    struct buf *path, struct ancestors *up)
{
	size_t len = path->len;
	struct stat st;
	int ret = 0, fd;

	if (name[0] == '.')
		return 0;
	/* Only regular files are skipped unseen: the rest need stat. */
	if (type == DT_REG && !walk_wanted(name))
		return 0;
	if (len && path->buf[len - 1] != '/')
		buf_addc(path, '/');
	buf_adds(path, name);
	if (fstatat(dirfd, name, &st, 0) < 0) {
		struct stat lst;

		if (errno == ENOENT && fstatat(dirfd, name, &lst,
		    AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(lst.st_mode))
			warn(w, path->buf, "%s", "broken symbolic link");
		else if (errno == ENOENT)
			warn(w, path->buf, "%s", "vanished during the scan");
		else if (errno == ELOOP)
			warn(w, path->buf, "%s", "symbolic link loop");
		else
			warn(w, path->buf, "cannot stat: %s", strerror(errno));
	} else if (S_ISDIR(st.st_mode)) {
		fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (fd < 0)
			warn(w, path->buf, "cannot open directory: %s",
			    strerror(errno));
		else
			ret = walk_dir(w, fd, path, up);
	} else if (walk_wanted(name)) {
		if (S_ISREG(st.st_mode))
			ret = file(w, path->buf, &st);
		else
			warn(w, path->buf, "%s", "not a regular file; skipped");
	}
	buf_setlen(path, len);
	return ret;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a + 1, *(char *const *)b + 1);
}

/* Walk the directory open on fd (taken over and closed). */
static int
walk_dir(struct walk *w, int fd, struct buf *path, struct ancestors *up)
{
	struct strvec names = STRVEC_INIT;
	struct walk_key key;
	struct dirent *de;
	struct stat st;
	DIR *dir;
	int dfd, ret = 0;

	if (fstat(fd, &st) < 0) {
		warn(w, path->buf, "cannot stat: %s", strerror(errno));
		close(fd);
		return 0;
	}
	key = (struct walk_key){ st.st_dev, st.st_ino };
	for (int i = 0; i < up->depth; i++) {
		if (up->v[i].dev == key.dev && up->v[i].ino == key.ino) {
			warn(w, path->buf, "%s", "symbolic link loop "
			    "(a directory that contains itself); skipped");
			close(fd);
			return 0;
		}
	}
	if (!set_add(w->seen, key)) {
		close(fd);	/* reached before, by another way */
		return 0;
	}
	if (up->depth > WALK_MAX_DEPTH) {
		warn(w, path->buf, "%s", "directories nested too deep; skipped");
		close(fd);
		return 0;
	}
	/* fdopendir takes fd; keep a second descriptor for fstatat. */
	if ((dfd = dup(fd)) < 0 || (dir = fdopendir(fd)) == NULL) {
		warn(w, path->buf, "cannot read directory: %s",
		    strerror(errno));
		if (dfd >= 0)
			close(dfd);
		close(fd);
		return 0;
	}
	errno = 0;
	while ((de = readdir(dir)) != NULL) {
		if (de->d_name[0] == '.') {
			hidden(w, path, de);
			continue;
		}
		/* The type rides in front of the name. */
		strvec_pushf(&names, "%c%s", (char)(de->d_type + 1),
		    de->d_name);
		errno = 0;
	}
	if (errno)
		warn(w, path->buf, "cannot read directory: %s",
		    strerror(errno));
	closedir(dir);
	qsort(names.v, names.nr, sizeof *names.v, name_cmp);
	up->v[up->depth++] = key;
	/*
	 * Real entries first, then symbolic links: a link to a sibling then
	 * finds it visited, and its files keep their real paths.
	 */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < names.nr && ret == 0; i++) {
			unsigned char type = (unsigned char)(names.v[i][0] - 1);

			if ((type == DT_LNK) == (pass == 1))
				ret = entry(w, dfd, names.v[i] + 1, type, path,
				    up);
		}
	}
	up->depth--;
	close(dfd);
	strvec_clear(&names);
	return ret;
}

void
walk_init(struct walk *w, walk_fn *fn, void *ctx, const struct reporter *rep)
{
	w->fn = fn;
	w->ctx = ctx;
	w->rep = rep;
	w->seen = xcalloc(1, sizeof *w->seen);
}

void
walk_release(struct walk *w)
{
	if (w->seen) {
		free(w->seen->v);
		free(w->seen);
		w->seen = NULL;
	}
}

int
walk_path(struct walk *w, const char *path)
{
	struct ancestors up;
	struct buf b = BUF_INIT;
	struct stat st;
	int fd, ret;

	if (stat(path, &st) < 0) {
		warn(w, path, "%s", strerror(errno));
		return 1;
	}
	if (!S_ISDIR(st.st_mode)) {
		if (!S_ISREG(st.st_mode)) {
			warn(w, path, "%s", "not a regular file or a directory");
			return 1;
		}
		return file(w, path, &st);
	}
	if ((fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) {
		warn(w, path, "cannot open directory: %s", strerror(errno));
		return 1;
	}
	up.depth = 0;
	buf_adds(&b, path);
	ret = walk_dir(w, fd, &b, &up);
	buf_release(&b);
	return ret;
}

/* SPDX-License-Identifier: MIT */
/* Tests for src/walk.c: which files, in what order, and each fault once. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "report.h"
#include "tap.h"
#include "walk.h"

struct seen {
	struct buf files;	/* "path\n" per callback, relative to root */
	struct buf warns;	/* "path: msg\n" per warning */
	size_t root_len;	/* strip this much of each path */
	const char *unlink_after;	/* remove this when its successor... */
	const char *victim;		/* ...is this, before it is reached */
	int stop_after;		/* stop the walk after this many files */
	int nfiles;
};

static int
on_file(void *ctx, const char *path, const struct stat *st)
{
	struct seen *s = ctx;

	ok(S_ISREG(st->st_mode), "a regular file's stat: %s", path);
	buf_addf(&s->files, "%s\n", path + s->root_len);
	if (s->unlink_after && strcmp(path + s->root_len, s->unlink_after) == 0)
		unlink(s->victim);
	if (++s->nfiles == s->stop_after)
		return 7;
	return 0;
}

static void
on_warning(void *ctx, const char *path, int line, const char *msg)
{
	struct seen *s = ctx;

	(void)line;
	buf_addf(&s->warns, "%s: %s\n",
	    strlen(path) >= s->root_len ? path + s->root_len : path, msg);
}

static void
touch(const char *root, const char *name)
{
	struct buf p = BUF_INIT;
	int fd;

	buf_addf(&p, "%s/%s", root, name);
	fd = open(p.buf, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || write(fd, "x\n", 2) != 2)
		tap_diag("cannot create %s: %s", p.buf, strerror(errno));
	if (fd >= 0)
		close(fd);
	buf_release(&p);
}

static void
sub(const char *root, const char *name, struct buf *p)
{
	buf_reset(p);
	buf_addf(p, "%s/%s", root, name);
}

int
main(void)
{
	char root[] = "/tmp/nrtest-walk.XXXXXX";
	struct seen s = { BUF_INIT, BUF_INIT, 0, NULL, NULL, 0, 0 };
	struct reporter rep = { .fn = on_warning, .ctx = &s };
	struct buf p = BUF_INIT, q = BUF_INIT;
	struct walk w;
	int ret;

	if (mkdtemp(root) == NULL)
		return tap_skip_all("mkdtemp: %s", strerror(errno));
	s.root_len = strlen(root) + 1;
	sub(root, "a", &p); mkdir(p.buf, 0755);
	sub(root, "a/sub", &p); mkdir(p.buf, 0755);
	sub(root, "a/.hidden", &p); mkdir(p.buf, 0755);
	sub(root, "a/x.md.d", &p); mkdir(p.buf, 0755);
	touch(root, "a/b.md");
	touch(root, "a/a.MARKDOWN");
	touch(root, "a/c.txt");
	touch(root, "a/d.html");
	touch(root, "a/e.htm");
	touch(root, "a/f.mkd");
	touch(root, "a/g.png");
	touch(root, "a/README");
	touch(root, "a/.dot.md");
	touch(root, "a/.hidden/h.md");
	touch(root, "a/sub/z.md");
	touch(root, "a/x.md.d/y.md");
	sub(root, "a/loop", &p); ok(symlink(".", p.buf) == 0, "symlink loop");
	sub(root, "a/sub2", &p); ok(symlink("sub", p.buf) == 0, "second link");
	sub(root, "a/aaa-link", &p); ok(symlink("sub", p.buf) == 0,
	    "a link sorted before its target");
	sub(root, "a/broken.md", &p); ok(symlink("nowhere", p.buf) == 0,
	    "broken link");
	sub(root, "a/self.md", &p); ok(symlink("self.md", p.buf) == 0,
	    "self link");
	sub(root, "a/fifo.md", &p); ok(mkfifo(p.buf, 0644) == 0, "fifo");
	sub(root, "a/link.md", &p); ok(symlink("b.md", p.buf) == 0, "file link");

	walk_init(&w, on_file, &s, &rep);
	sub(root, "a", &p);
	is_int(walk_path(&w, p.buf), 0, "the walk succeeds");
	is_str(s.files.buf,
	    "a/a.MARKDOWN\na/b.md\na/c.txt\na/d.html\na/e.htm\na/f.mkd\n"
	    "a/sub/z.md\na/x.md.d/y.md\n",
	    "the article files, in name order, each once, no dot names");
	is_str(s.warns.buf,
	    "a/fifo.md: not a regular file; skipped\n"
	    "a/broken.md: broken symbolic link\n"
	    "a/loop: symbolic link loop (a directory that contains itself); "
	    "skipped\n"
	    "a/self.md: symbolic link loop\n",
	    "one warning per fault (links after the rest)");

	/* A second operand inside the first lists nothing again. */
	buf_reset(&s.files);
	buf_reset(&s.warns);
	sub(root, "a/sub", &p);
	is_int(walk_path(&w, p.buf), 0, "an operand already walked");
	is_str(s.files.buf, "", "gives nothing twice");
	walk_release(&w);

	/* A FILE operand is read whatever its name. */
	walk_init(&w, on_file, &s, &rep);
	sub(root, "a/g.png", &p);
	is_int(walk_path(&w, p.buf), 0, "a FILE operand");
	is_str(s.files.buf, "a/g.png\n", "is read whatever its name");
	sub(root, "a/.dot.md", &p);
	walk_path(&w, p.buf);
	is_str(s.files.buf, "a/g.png\na/.dot.md\n", "dot names too");
	buf_reset(&s.warns);
	sub(root, "nonexistent", &p);
	is_int(walk_path(&w, p.buf), 1, "a missing operand: 1");
	is_str(s.warns.buf, "nonexistent: No such file or directory\n",
	    "with a warning");
	walk_release(&w);

	/* A file that vanishes mid-walk: one warning, the walk goes on. */
	walk_init(&w, on_file, &s, &rep);
	buf_reset(&s.files);
	buf_reset(&s.warns);
	sub(root, "a/c.txt", &q);
	s.unlink_after = "a/b.md";
	s.victim = q.buf;
	sub(root, "a", &p);
	walk_path(&w, p.buf);
	is_str(s.warns.buf, "a/c.txt: vanished during the scan\n"
	    "a/fifo.md: not a regular file; skipped\n"
	    "a/broken.md: broken symbolic link\n"
	    "a/loop: symbolic link loop (a directory that contains itself); "
	    "skipped\n"
	    "a/self.md: symbolic link loop\n",
	    "a vanished file: one warning");
	ok(strstr(s.files.buf, "a/d.html\n") != NULL, "and the walk goes on");
	walk_release(&w);

	/* The callback can stop the walk. */
	walk_init(&w, on_file, &s, &rep);
	s.unlink_after = NULL;
	s.nfiles = 0;
	s.stop_after = 2;
	buf_reset(&s.files);
	ret = walk_path(&w, p.buf);
	is_int(ret, 7, "the callback's value stops the walk");
	is_int(s.nfiles, 2, "after two files");
	walk_release(&w);

	/* An unreadable directory (not for root, who reads anything). */
	if (geteuid() != 0) {
		walk_init(&w, on_file, &s, &rep);
		s.stop_after = 0;
		buf_reset(&s.warns);
		sub(root, "a/sub", &q);
		chmod(q.buf, 0);
		walk_path(&w, p.buf);
		ok(strstr(s.warns.buf, "a/sub: cannot open directory: "
		    "Permission denied\n") != NULL, "an unreadable directory: %s",
		    s.warns.buf);
		chmod(q.buf, 0755);
		walk_release(&w);
	} else {
		tap_skip("running as root: tests/bad.sh drops privileges for this");
	}

	ok(walk_wanted("a.md") && walk_wanted("b.HTM") && !walk_wanted(".a.md")
	    && !walk_wanted("md") && !walk_wanted("a.md~"), "walk_wanted");

	/* Clean up with the walker's own help: remove what we made. */
	{
		static const char *const names[] = {
			"a/b.md", "a/a.MARKDOWN", "a/c.txt", "a/d.html",
			"a/e.htm", "a/f.mkd", "a/g.png", "a/README", "a/.dot.md",
			"a/.hidden/h.md", "a/sub/z.md", "a/x.md.d/y.md", "a/loop",
			"a/sub2", "a/aaa-link", "a/broken.md", "a/self.md", "a/fifo.md",
			"a/link.md", "a/.hidden", "a/sub", "a/x.md.d", "a",
		};
		for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
			sub(root, names[i], &p);
			if (unlink(p.buf) < 0)
				rmdir(p.buf);
		}
		rmdir(root);
	}
	buf_release(&p);
	buf_release(&q);
	buf_release(&s.files);
	buf_release(&s.warns);
	return tap_done();
}

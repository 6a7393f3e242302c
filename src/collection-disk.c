/* SPDX-License-Identifier: MIT */
/*
 * collection-disk: the collection's files as files. Whether this process
 * may write them (else the collection opens read-only), the room left on
 * their disk (a full disk said as such, WAL files kept small enough to be
 * checkpointed when the room runs out), and the lock by which scans take
 * turns. The SQL is elsewhere; here are paths, stat(2), statvfs(2) and
 * flock(2).
 */
#include "config.h"
#include "collection.h"
#include "collection-internal.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "report.h"
#include "xmalloc.h"

/* The folder path is in (".", "/", or what comes before its last '/'). */
char *
collection_folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/* Is path there and not writable to us (permissions, a read-only mount)? */
static bool
not_writable(const char *path)
{
	return access(path, W_OK) < 0 && errno != ENOENT;
}

/*
 * Why the collection at path cannot be written, or NULL: the first of its
 * folder and its files (the database and the shards, each with its -wal
 * and -shm) that is there and not writable to this process. Any of them
 * is enough to fail every write, and SQLite opens such a file read-only
 * without a word, so it is asked here, before the first write. Returns a
 * new string.
 */
char *
collection_unwritable(const char *path)
{
	static const char *const suffix[] = { "", "-wal", "-shm" };
	char *f = collection_folder_of(path);

	if (not_writable(f))
		return f;
	free(f);
	for (int k = -1; k < COLLECTION_SHARDS; k++) {
		for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
			f = k < 0 ? xasprintf("%s%s", path, suffix[i]) :
			    xasprintf("%s-fts%d%s", path, k, suffix[i]);
			if (not_writable(f))
				return f;
			free(f);
		}
	}
	return NULL;
}

/*
 * A read-only URI for file (a database in WAL mode), to b. SQLite reads
 * such a file read-only when its -wal and -shm are there (a -shm it may
 * not write is read into memory of its own) or when it can make them;
 * with neither, in a folder it may not write (a shared archive whose
 * owner closed it, so that SQLite removed them), it cannot open it at all
 * unless told that the file is immutable. It then takes no locks and
 * trusts that nothing changes the file: true while no writer is at work
 * (a writer, who may write the folder, makes the -wal and -shm first); a
 * writer that starts while we read may show us a torn page, a database
 * error, and never changes what is on disk.
 */
void
collection_ro_uri(struct buf *b, const char *file)
{
	char *wal = xasprintf("%s-wal", file), *shm = xasprintf("%s-shm", file);
	char *dir = collection_folder_of(file);

	buf_adds(b, file[0] == '/' ? "file://" : "file:");
	for (const char *p = file; *p; p++) {
		if (*p == '%' || *p == '?' || *p == '#')
			buf_addf(b, "%%%02X", (unsigned char)*p);
		else
			buf_addc(b, *p);
	}
	buf_adds(b, "?mode=ro");
	if ((access(wal, F_OK) < 0 || access(shm, F_OK) < 0) &&
	    access(dir, W_OK) < 0)
		buf_adds(b, "&immutable=1");
	free(wal);
	free(shm);
	free(dir);
}

const char *
collection_read_only(const struct collection *c)
{
	return c->read_only;
}

int
collection_scan_lock(struct collection *c, const atomic_bool *cancel,
    struct error *err)
{
	char *path;
	int fd = -1, rc = -1;

	if (c->scan_lock >= 0)
		return 0;
	path = xasprintf("%s-lock", c->path);
	for (;;) {
		struct stat a, b;

		if ((fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644)) < 0) {
			if (errno == EACCES || errno == EROFS || errno == EPERM)
				rc = 0;	/* nobody can write here: no scan to wait for */
			else
				error_set(err, "%s: %s", path, strerror(errno));
			break;
		}
		while (flock(fd, LOCK_EX | (cancel ? LOCK_NB : 0)) < 0) {
			if (errno == EINTR)
				continue;
			if (errno != EWOULDBLOCK) {
				error_set(err, "%s: %s", path, strerror(errno));
				goto out;
			}
			if (atomic_load(cancel)) {
				rc = 1;
				goto out;
			}
			nanosleep(&(struct timespec){ 0, 50 * 1000 * 1000 }, NULL);
		}
		/*
		 * The holder before us unlinks the file before it lets go
		 * (collection_scan_unlock()): if ours is not the file at
		 * path any more, the turn is another's file's; try again.
		 */
		if (fstat(fd, &a) == 0 && stat(path, &b) == 0 &&
		    a.st_dev == b.st_dev && a.st_ino == b.st_ino) {
			c->scan_lock = fd;
			fd = -1;
			rc = 0;
			break;
		}
		close(fd);
	}
out:
	if (fd >= 0)
		close(fd);
	free(path);
	return rc;
}

void
collection_scan_unlock(struct collection *c)
{
	char *path;

	if (c->scan_lock < 0)
		return;
	/* Gone while held, so no file is left behind (see above). */
	path = xasprintf("%s-lock", c->path);
	unlink(path);
	free(path);
	close(c->scan_lock);	/* drops the flock */
	c->scan_lock = -1;
}

void
collection_error_full(const struct collection *c, struct error *err)
{
	char *dir = collection_folder_of(c->path), *abs = realpath(dir, NULL);

	error_set(err, "the disk is full: %s", abs ? abs : dir);
	free(abs);
	free(dir);
}

uint64_t
collection_room(const struct collection *c)
{
	char *dir = collection_folder_of(c->path);
	struct statvfs fs;
	uint64_t room = UINT64_MAX;

	if (statvfs(dir, &fs) == 0)
		room = (uint64_t)fs.f_bavail * fs.f_frsize;
	free(dir);
	return room;
}

/*
 * A WAL file is checkpointed only once it passes wal_autocheckpoint
 * pages (64 MiB and more), so on a small disk an import fills the disk
 * with WAL files whose committed pages a checkpoint could no longer copy
 * into the database for want of room: their space could not be had back
 * (a failed import on 20 MB left 19 MB of WAL). So once a WAL file is
 * larger than a KEEP_ROOM_SHARE'th of the room left on its disk, every
 * commit checkpoints it: its pages then need no more room than they take,
 * the next transaction writes the file from its start again, and after a
 * failure collection_reclaim() has little or nothing to copy, only a file
 * to empty. A share, not the whole room: three files (the database and
 * two shards) are written at once, and a checkpoint needs room for the
 * pages it copies while their WAL file still holds them (measured on a
 * 20 MB disk: with half the room, two failed imports in three left WAL
 * files full of committed pages; with an eighth, none in six). A statvfs()
 * and a stat() a commit.
 */
#define KEEP_ROOM_SHARE 8

void
collection_keep_room(sqlite3 *db)
{
	const char *file = sqlite3_db_filename(db, "main");
	struct statvfs fs;
	struct stat st;
	char *wal, *dir;
	int rc;

	if (!file || !*file)
		return;
	wal = xasprintf("%s-wal", file);
	dir = collection_folder_of(file);
	rc = stat(wal, &st) == 0 && statvfs(dir, &fs) == 0 &&
	    (uint64_t)st.st_size >
	    (uint64_t)fs.f_bavail * fs.f_frsize / KEEP_ROOM_SHARE;
	free(wal);
	free(dir);
	if (rc)
		sqlite3_exec(db, "PRAGMA main.wal_checkpoint(PASSIVE)", NULL,
		    NULL, NULL);
}


/*
 * uplock.c - is an upload marked 'processing' still running?
 *
 * The pid and host stored with an upload cannot say: a container has its
 * own host name and pid namespace (kill(pid, 0) there tests some other
 * process of ours, or nothing), and a pid is reused after the upload
 * died.  Nor can the database's write lock: an upload reads and checks
 * its whole file before it takes it.  What can say is a lock the kernel
 * owns for the upload's process: a record lock on byte <upload id> of
 * "<database>-lock", taken before the upload's record is committed and
 * released (explicitly, or by the kernel when the process ends, even by
 * kill -9) after its final status is.  A command that finds a 'pending'
 * or 'processing' upload whose byte nobody holds marks it interrupted.
 * Record locks are seen across containers that share the file and, over
 * NFS, across hosts: wherever SQLite's own locks work.
 *
 * Why a separate file: closing any descriptor of a file drops the
 * process's POSIX locks on it, so a descriptor of our own on the
 * database (or its -shm) would silently drop SQLite's locks.  Open file
 * description (OFD) locks are used where the kernel has them, so that a
 * lock held by this process is seen by another descriptor of it (the unit
 * tests do that); else classic POSIX locks.
 *
 * Not here: what to do with a stale upload (uploads.c's reaper).
 */
#define _GNU_SOURCE	/* F_OFD_SETLK, F_OFD_GETLK */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ayni/intl.h"
#include "internal.h"

/* Well inside any file system's lock range, far from SQLite's bytes. */
#define UPLOCK_BASE	((off_t)1 << 32)

/*
 * "<database>-lock", the database's path resolved: two commands that name
 * it through different symlinks must meet on one lock file.
 */
static int
lock_path(const char *dbpath, char *buf, size_t len)
{
	char *real;
	int n;

	if (dbpath == NULL || strcmp(dbpath, ":memory:") == 0 ||
	    dbpath[0] == '\0')
		return -1;
	real = realpath(dbpath, NULL);
	n = snprintf(buf, len, "%s-lock", real != NULL ? real : dbpath);
	free(real);
	return n < 0 || (size_t)n >= len ? -1 : 0;
}

static void
lock_byte(struct flock *fl, short type, int64_t upload_id)
{
	memset(fl, 0, sizeof(*fl));
	fl->l_type = type;
	fl->l_whence = SEEK_SET;
	fl->l_start = UPLOCK_BASE + (off_t)upload_id;
	fl->l_len = 1;
}

#ifndef F_OFD_SETLK
#define F_OFD_SETLK	F_SETLK
#define F_OFD_GETLK	F_GETLK
#endif

/* fcntl with the OFD command, or the classic one where it is missing. */
static int
lock_ctl(int fd, int ofd_cmd, int posix_cmd, struct flock *fl)
{
	if (fcntl(fd, ofd_cmd, fl) == 0)
		return 0;
	if (errno != EINVAL || ofd_cmd == posix_cmd)
		return -1;
	fl->l_pid = 0;
	return fcntl(fd, posix_cmd, fl);
}

static int
no_locks(int e)
{
	return e == ENOLCK || e == EINVAL || e == EOPNOTSUPP ||
	    e == ENOSYS;
}

int
ayni_uplock_hold(const char *dbpath, int64_t upload_id, int *fd,
    ayni_error *err)
{
	char path[4200];
	struct flock fl;
	int f;

	*fd = -1;
	if (lock_path(dbpath, path, sizeof(path)) != 0)
		return 0;
	if ((f = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW,
	    0600)) < 0)
		return ayni_error_set(err, AYNI_ECANTCREAT, _("cannot open "
		    "'%s', which marks a running upload: %s"), path,
		    strerror(errno));
	lock_byte(&fl, F_WRLCK, upload_id);
	if (lock_ctl(f, F_OFD_SETLK, F_SETLK, &fl) != 0) {
		int e = errno;

		close(f);
		if (no_locks(e))
			return 0;
		return ayni_error_set(err, e == EAGAIN || e == EACCES ?
		    AYNI_EBUSY : AYNI_EIO, _("cannot lock '%s' for upload "
		    "%lld: %s"), path, (long long)upload_id, strerror(e));
	}
	*fd = f;
	return 0;
}

void
ayni_uplock_release(int fd)
{
	if (fd >= 0)
		close(fd);	/* drops the lock */
}

int
ayni_uplock_alive(const char *dbpath, int64_t upload_id)
{
	char path[4200];
	struct flock fl;
	int f, rc;

	if (lock_path(dbpath, path, sizeof(path)) != 0)
		return -1;
	/*
	 * Created if missing (an upload of an older ayni made none): the
	 * next upload needs it anyway.  A read-only place cannot tell.
	 */
	if ((f = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW,
	    0600)) < 0 &&
	    (f = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) < 0)
		return -1;
	lock_byte(&fl, F_WRLCK, upload_id);
	if (lock_ctl(f, F_OFD_GETLK, F_GETLK, &fl) != 0)
		rc = -1;
	else
		rc = fl.l_type != F_UNLCK;
	close(f);
	return rc;
}

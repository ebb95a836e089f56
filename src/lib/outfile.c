/*
 * outfile.c - files written on request go to a temporary file beside the
 * target and are renamed into place, only over a regular file or nothing
 * (the rule and its reasons are in include/ayni/outfile.h).
 *
 * It does not write any content and does not make directories.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ayni/intl.h"
#include "ayni/outfile.h"

struct ayni_outfile {
	FILE	*fp;
	int	 direct;		/* a device or FIFO: no rename */
	unsigned mode;
	char	 path[PATH_MAX];
	char	 tmp[PATH_MAX + 16];
};

static const char *const db_suffix[] = { "", "-wal", "-shm", "-journal",
    "-lock" };
#define NSUFFIX	(sizeof(db_suffix) / sizeof(db_suffix[0]))

/*
 * The directory part of path into dir, the rest into *base ("" when path
 * ends with '/').
 */
static void
split(const char *path, char *dir, size_t len, const char **base)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL) {
		snprintf(dir, len, ".");
		*base = path;
	} else if (slash == path) {
		snprintf(dir, len, "/");
		*base = slash + 1;
	} else {
		snprintf(dir, len, "%.*s", (int)(slash - path), path);
		*base = slash + 1;
	}
}

/* path with its directory's links resolved (the file may not exist). */
static int
canonical(const char *path, char *out, size_t len)
{
	char dir[PATH_MAX], real[PATH_MAX];
	const char *base;

	split(path, dir, sizeof(dir), &base);
	if (realpath(dir, real) == NULL)
		return -1;
	return snprintf(out, len, "%s/%s", strcmp(real, "/") == 0 ? "" : real,
	    base) < (int)len ? 0 : -1;
}

/*
 * Whether path names the database protect or one of its companion files:
 * by name (a -wal that does not exist yet is still the database's), and by
 * device and inode (a hard link, another spelling).
 */
static int
is_database(const char *path, const struct stat *sb, int exists,
    const char *protect)
{
	char cpath[PATH_MAX], cdb[PATH_MAX], name[PATH_MAX + 16];
	struct stat db;
	size_t i;
	int named = canonical(path, cpath, sizeof(cpath)) == 0 &&
	    canonical(protect, cdb, sizeof(cdb)) == 0;

	for (i = 0; i < NSUFFIX; i++) {
		if (named) {
			snprintf(name, sizeof(name), "%s%s", cdb,
			    db_suffix[i]);
			if (strcmp(name, cpath) == 0)
				return 1;
		}
		snprintf(name, sizeof(name), "%s%s", protect, db_suffix[i]);
		if (exists && stat(name, &db) == 0 && db.st_dev == sb->st_dev &&
		    db.st_ino == sb->st_ino)
			return 1;
	}
	return 0;
}

static int
open_direct(ayni_outfile *f, const struct stat *sb, ayni_error *err)
{
	int fd, fl;

	/* A FIFO nobody reads would block here forever: refuse it. */
	fd = open(f->path, O_WRONLY | O_NOCTTY | O_CLOEXEC |
	    (S_ISFIFO(sb->st_mode) ? O_NONBLOCK : 0));
	if (fd == -1)
		return errno == ENXIO ? ayni_error_set(err, AYNI_ECANTCREAT,
		    _("cannot write '%s': a FIFO with no reader"), f->path) :
		    ayni_error_set(err, AYNI_ECANTCREAT,
		    _("cannot write '%s': %s"), f->path, strerror(errno));
	if ((fl = fcntl(fd, F_GETFL)) != -1)
		(void)fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
	if ((f->fp = fdopen(fd, "w")) == NULL) {
		close(fd);
		return ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
	}
	f->direct = 1;
	return 0;
}

/*
 * What f->path names, and what it is refused for: a directory, the
 * database protect or one of its files, a symbolic link (unless to a
 * device or FIFO), anything but a regular file, a character device or a
 * FIFO.  A device or FIFO is opened here (1); 0 for a regular file or
 * none, which is written through a temporary file.
 */
static int
check_target(ayni_outfile *f, const char *protect, ayni_error *err)
{
	const char *path = f->path;
	struct stat sb, target;
	int rc, exists, link;

	exists = lstat(path, &sb) == 0;
	if (!exists && errno != ENOENT)
		return ayni_error_set(err, AYNI_ECANTCREAT,
		    _("cannot create '%s': %s"), path, strerror(errno));
	link = exists && S_ISLNK(sb.st_mode);
	target = sb;
	if (link && stat(path, &target) == -1)
		return ayni_error_set(err, AYNI_ECANTCREAT, _("refusing to "
		    "write '%s': it is a symbolic link"), path);
	if (exists && S_ISDIR(target.st_mode))
		return ayni_error_set(err, AYNI_ECANTCREAT,
		    _("cannot write '%s': it is a directory"), path);
	if (protect != NULL && is_database(path, &target, exists, protect))
		return ayni_error_set(err, AYNI_ECANTCREAT, _("refusing to "
		    "write '%s': it is the database '%s' or one of its files"),
		    path, protect);
	if (exists && (S_ISCHR(target.st_mode) || S_ISFIFO(target.st_mode)))
		return (rc = open_direct(f, &target, err)) != 0 ? rc : 1;
	if (link)
		return ayni_error_set(err, AYNI_ECANTCREAT, _("refusing to "
		    "write '%s': it is a symbolic link"), path);
	if (exists && !S_ISREG(sb.st_mode))
		return ayni_error_set(err, AYNI_ECANTCREAT, _("refusing to "
		    "write '%s': not a regular file, a character device or a "
		    "FIFO"), path);
	return 0;
}

/* The temporary file beside f->path that commit renames onto it. */
static int
open_temp(ayni_outfile *f, ayni_error *err)
{
	const char *path = f->path, *base;
	char dir[PATH_MAX];
	int fd;

	split(path, dir, sizeof(dir), &base);
	if (base[0] == '\0')
		return ayni_error_set(err, AYNI_ECANTCREAT,
		    _("cannot write '%s': it is a directory"), path);
	/* A dot name, so that a crash's leftover does not look like output. */
	if (snprintf(f->tmp, sizeof(f->tmp), "%s/.%s.XXXXXX", dir, base) >=
	    (int)sizeof(f->tmp))
		return ayni_error_set(err, AYNI_ECANTCREAT,
		    _("cannot create '%.200s...': path too long"), path);
	if ((fd = mkstemp(f->tmp)) == -1) {
		f->tmp[0] = '\0';
		return ayni_error_set(err, AYNI_ECANTCREAT,
		    _("cannot create '%s': %s in '%s'"), path, strerror(errno),
		    dir);
	}
	(void)fcntl(fd, F_SETFD, FD_CLOEXEC);
	if ((f->fp = fdopen(fd, "w")) == NULL) {
		close(fd);
		return ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
	}
	return 0;
}

int
ayni_outfile_open(ayni_outfile **out, const char *path, unsigned mode,
    const char *protect, ayni_error *err)
{
	ayni_outfile *f;
	int rc;

	*out = NULL;
	if (path[0] == '\0')
		return ayni_error_set(err, AYNI_EUSAGE,
		    _("an output file needs a name"));
	if (strlen(path) >= PATH_MAX)
		return ayni_error_set(err, AYNI_ECANTCREAT,
		    _("cannot create '%.200s...': path too long"), path);
	if ((f = calloc(1, sizeof(*f))) == NULL)
		return ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
	snprintf(f->path, sizeof(f->path), "%s", path);
	f->mode = mode;
	if ((rc = check_target(f, protect, err)) == 0)
		rc = open_temp(f, err);
	if (rc < 0) {
		ayni_outfile_abort(f);
		return rc;
	}
	*out = f;
	return 0;
}

FILE *
ayni_outfile_fp(ayni_outfile *f)
{
	return f->fp;
}

int
ayni_outfile_is_direct(const ayni_outfile *f)
{
	return f->direct;
}

int
ayni_outfile_commit(ayni_outfile *f, ayni_error *err)
{
	struct stat sb;
	mode_t mask;
	int rc = 0, e;

	if (fflush(f->fp) != 0 || ferror(f->fp) ||
	    (!f->direct && fsync(fileno(f->fp)) != 0)) {
		e = errno;
		rc = ayni_error_set(err, AYNI_EIO, _("cannot write '%s': %s"),
		    f->path, e != 0 ? strerror(e) : "write error");
		goto out;
	}
	if (f->direct) {
		e = fclose(f->fp);
		f->fp = NULL;
		if (e != 0)
			rc = ayni_error_set(err, AYNI_EIO,
			    _("cannot write '%s': %s"), f->path, strerror(errno));
		goto out;
	}
	mask = umask(0);
	umask(mask);
	(void)fchmod(fileno(f->fp), (mode_t)f->mode & ~mask);
	e = fclose(f->fp);
	f->fp = NULL;
	if (e != 0) {
		rc = ayni_error_set(err, AYNI_EIO, _("cannot write '%s': %s"),
		    f->path, strerror(errno));
		goto out;
	}
	/* What was checked at open may have changed while we wrote. */
	if (lstat(f->path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		rc = ayni_error_set(err, AYNI_ECANTCREAT, _("refusing to replace "
		    "'%s': it is no longer a regular file"), f->path);
		goto out;
	}
	if (rename(f->tmp, f->path) == -1) {
		rc = ayni_error_set(err, AYNI_ECANTCREAT,
		    _("cannot create '%s': %s"), f->path, strerror(errno));
		goto out;
	}
	f->tmp[0] = '\0';
out:
	ayni_outfile_abort(f);
	return rc;
}

void
ayni_outfile_abort(ayni_outfile *f)
{
	if (f == NULL)
		return;
	if (f->fp != NULL)
		fclose(f->fp);
	if (f->tmp[0] != '\0')
		unlink(f->tmp);
	free(f);
}

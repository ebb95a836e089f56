/*
 * outfile.h - the one rule for every file ayni writes on request
 * (--rejects, sample --out, and any -o to come), docs/contract.md §2:
 *
 *  - the data goes to a new temporary file in the target's directory
 *    (mkstemp) and is renamed into place on commit, so a reader never sees
 *    half a file and a failed write leaves what was there;
 *  - it is renamed only over a regular file or nothing: never over the
 *    database or its -wal, -shm or -journal (compared by device and inode,
 *    so a hard link or another spelling is caught too), never over a
 *    directory;
 *  - a symbolic link is refused, except one that leads to a character
 *    device or a FIFO (/dev/stderr is a link to /proc/self/fd/2);
 *  - a character device or a FIFO (/dev/null, /dev/stderr, a named pipe
 *    with a reader) is written to directly, never replaced; a FIFO with no
 *    reader is refused rather than waited on; a block device, a socket or
 *    anything else is refused.
 *
 * Refusals are AYNI_ECANTCREAT (exit 73) and happen in ayni_outfile_open,
 * before the caller has done any work.  It does not choose paths, make
 * directories, or decide whether a file is wanted at all.
 */
#ifndef AYNI_OUTFILE_H
#define AYNI_OUTFILE_H

#include <stdio.h>

#include "ayni/error.h"

typedef struct ayni_outfile ayni_outfile;

/*
 * Prepare to write path with permission bits mode (0600 for files with
 * company data, 0644 for others; the umask applies).  protect, if not
 * NULL, is the database's path: it, its -wal, -shm and -journal are never
 * written.  *out is the caller's: end it with ayni_outfile_commit or
 * ayni_outfile_abort.
 */
int	ayni_outfile_open(ayni_outfile **out, const char *path, unsigned mode,
	    const char *protect, ayni_error *err);
/* Where to write. */
FILE	*ayni_outfile_fp(ayni_outfile *f);
/* 1 if the target is a device or FIFO being written to directly. */
int	ayni_outfile_is_direct(const ayni_outfile *f);
/*
 * Flush, sync and rename the temporary file into place (AYNI_EIO with the
 * path when a write failed, AYNI_ECANTCREAT when the rename did).  Frees f
 * whatever happens.
 */
int	ayni_outfile_commit(ayni_outfile *f, ayni_error *err);
/* Drop the temporary file, leaving the target as it was; frees f (NULL ok). */
void	ayni_outfile_abort(ayni_outfile *f);

#endif /* AYNI_OUTFILE_H */

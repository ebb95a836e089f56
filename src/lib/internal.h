/*
 * internal.h - helpers shared by modules of libayni and by nothing else:
 * not part of the public API in include/ayni/.  Nothing here is for src/cli.
 */
#ifndef AYNI_INTERNAL_H
#define AYNI_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "ayni/db.h"
#include "ayni/error.h"

/*
 * Upload liveness (uplock.c).  A running upload holds a lock on byte
 * upload_id of the file "<database>-lock" from before its record is
 * committed until after its final status is; the kernel drops the lock
 * when the process ends, however it ends.
 *
 * ayni_uplock_hold: *fd is the lock's descriptor for release, or -1 when
 * the file system has no record locks (then liveness falls back to pid
 * and host).  ayni_uplock_alive: 1 held (the upload runs), 0 not held
 * (its process is gone), -1 cannot tell.
 */
int	ayni_uplock_hold(const char *dbpath, int64_t upload_id, int *fd,
	    ayni_error *err);
void	ayni_uplock_release(int fd);
int	ayni_uplock_alive(const char *dbpath, int64_t upload_id);

/*
 * Length (1 to 4) of the well-formed UTF-8 sequence s starts with, or 0 if
 * it is not one (s must not be at its terminating NUL).
 */
size_t	ayni_utf8_seq(const char *s);

/*
 * 1 if s is well-formed UTF-8 (no overlongs, surrogates or > U+10FFFF).
 * Text from argv is checked with it before it is stored, so that JSON
 * output is always valid.
 */
int	ayni_utf8_valid(const char *s);

/*
 * A benchmark statistic of metric m (an ayni_bench_metric) as people read
 * it: "$1.234" for money, "29,41 %", "631,197" units, counts as integers
 * or with one decimal when a median falls between two.  report.c; used by
 * both report layouts.
 */
void	ayni_report_bench_fmt(int m, double v, char *buf, size_t len);

#endif /* AYNI_INTERNAL_H */

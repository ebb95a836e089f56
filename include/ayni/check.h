/*
 * check.h - 'ayni check' (docs/contract.md §8): is this database sound, and are
 * its files private?  SQLite's integrity check, foreign keys, the rollups of
 * every company the caller is a member of against their raw lines
 * (aggregate verify), uploads left pending or processing by a process
 * that is gone or long ago, and the modes of the database, its -wal and
 * -shm and the token files.  Each finding is one writer row; it changes
 * nothing (no repair, no reaping: the commands that own those do it).
 */
#ifndef AYNI_CHECK_H
#define AYNI_CHECK_H

#include "ayni/db.h"
#include "ayni/error.h"
#include "ayni/output.h"
#include "ayni/user.h"

/* check, subject, problem: one row per finding. */
extern const ayni_column ayni_check_columns[];
extern const int ayni_check_ncolumns;

/*
 * Run every check for actor, writing findings to w; *nfound gets their
 * number and *ncompanies the companies verified.  0 even with findings
 * (the caller decides the exit status); an error only when a check could
 * not run at all.
 */
int	ayni_check_run(ayni_db *db, const ayni_actor *actor, ayni_writer *w,
	    long *nfound, long *ncompanies, ayni_error *err);

#endif /* AYNI_CHECK_H */

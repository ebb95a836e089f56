/*
 * internal.h - helpers shared by core modules (src/lib) that are not part
 * of the public API in include/ayni/.  Nothing here is for src/cli.
 */
#ifndef AYNI_INTERNAL_H
#define AYNI_INTERNAL_H

#include "ayni/db.h"
#include "ayni/error.h"

/*
 * The body of rollup view name (schema/0002_rollups.sql), what follows
 * "AS", with its markers turned into parameters: ?1 the first day, ?2 the
 * last day, ?3 the company.  The caller frees *out.  aggregate.c.
 */
int	ayni_agg_view_sql(ayni_db *db, const char *name, char **out,
	    ayni_error *err);

#endif /* AYNI_INTERNAL_H */

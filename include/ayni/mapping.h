/*
 * mapping.h - saved column mappings (docs/contract.md §5): which source header
 * feeds each canonical field, and the reading options that go with a source
 * (date format, decimal mark, encoding, delimiter), kept per company so
 * that next month's export of the same system loads the same way.
 *
 * Stored in column_mappings: mappings is a JSON object {in_field: header}
 * in field-table order, formats a JSON object holding only the options
 * that were given: {date_format, decimal, encoding, delimiter}.
 *
 * Not here: who may save or read a mapping (the caller checks the role),
 * and applying a mapping to a file (dialect.c does, with fields.h).
 */
#ifndef AYNI_MAPPING_H
#define AYNI_MAPPING_H

#include <stdint.h>

#include "ayni/db.h"
#include "ayni/error.h"
#include "ayni/fields.h"
#include "ayni/returns.h"
#include "ayni/output.h"

#define AYNI_MAPPING_NAME_MAX	100	/* bytes, as column_mappings allows */

/*
 * A mapping in memory.  Start from a zeroed struct ({ 0 } or memset): that
 * is an empty mapping with every option left to detection.  The header
 * strings belong to the struct: ayni_mapping_release() frees them.
 */
typedef struct ayni_mapping {
	char	 name[AYNI_MAPPING_NAME_MAX + 1];
	char	*header[AYNI_FIELD_COUNT];	/* source header, or NULL */
	char	 date_format[64];		/* strptime-like, or "" */
	char	 decimal;			/* ',' '.' or 0: detect */
	char	 encoding[16];			/* "utf-8", ... or "" */
	char	 delimiter;			/* , ; \t | or 0: detect */
	char	 date_order;			/* 'd' day first, 'm' month
						   first, or 0: detect */
	char	 returns[AYNI_RETURNS_MAX + 1];	/* PCRE2 pattern of return
						   markers, or "": built-in */
	int	 is_default;
} ayni_mapping;

/*
 * Free the header strings and zero them; the struct itself is the caller's.
 * Safe on a zeroed struct and after a failed ayni_mapping_get().
 */
void	ayni_mapping_release(ayni_mapping *m);

/*
 * Add one "FIELD=HEADER" pair (as given to --map) to m: FIELD must be a
 * canonical field name (in_dt ...), HEADER non-empty valid UTF-8 (it may
 * contain '=': the pair splits at the first one).  A field mapped twice, a
 * missing '=', an unknown field or an empty header is AYNI_EUSAGE naming
 * the pair; m is unchanged then.
 */
int	ayni_mapping_add_pair(ayni_mapping *m, const char *pair,
	    ayni_error *err);

/*
 * The reading options, validated as given on the command line, with the
 * same rules as upload's options; a bad value is AYNI_EUSAGE and leaves m
 * unchanged.
 *   date format: ayni_date_format_check() (parse.h)
 *   decimal:     "," or "."
 *   encoding:    what ayni_csv_encoding_parse() accepts (csvread.h), kept
 *                as ayni_csv_encoding_name() says: utf-8, latin1,
 *                windows-1252
 *   delimiter:   what ayni_csv_delimiter_parse() accepts: , ; | or a tab
 *                (a real one, "\t" or "tab")
 */
int	ayni_mapping_set_date_format(ayni_mapping *m, const char *fmt,
	    ayni_error *err);
int	ayni_mapping_set_decimal(ayni_mapping *m, const char *s,
	    ayni_error *err);
int	ayni_mapping_set_encoding(ayni_mapping *m, const char *s,
	    ayni_error *err);
/* "day-first" or "month-first". */
int	ayni_mapping_set_date_order(ayni_mapping *m, const char *s,
	    ayni_error *err);
int	ayni_mapping_set_delimiter(ayni_mapping *m, const char *s,
	    ayni_error *err);
/* A PCRE2 pattern of return markers (returns.h); "" for the built-in. */
int	ayni_mapping_set_returns(ayni_mapping *m, const char *s,
	    ayni_error *err);

/*
 * Load the company's mapping called name, or its default one when name is
 * NULL, into *out (overwritten: release what it held first).  AYNI_ENOTFOUND
 * when there is none; AYNI_EDATA when the stored JSON is damaged.  On
 * failure *out is zeroed and holds nothing to free.
 */
int	ayni_mapping_get(ayni_db *db, int64_t company_id, const char *name,
	    ayni_mapping *out, ayni_error *err);

/* What a save changed, for the caller to tell the user. */
typedef struct ayni_mapping_saved {
	int	replaced;	/* a mapping of that name existed */
	int	was_default;	/* ... it was the default, and still is only
				   if m->is_default */
	char	prev_default[AYNI_MAPPING_NAME_MAX + 1];
				/* another mapping that stopped being the
				   default, or "" */
} ayni_mapping_saved;

/*
 * Fill m from what an earlier upload of the company found out (the dialect
 * stored with it: its header -> field choices, encoding, delimiter, and the
 * decimal mark when every numeric column agreed), so that the next export
 * of the same source is read the same way.  AYNI_ENOTFOUND when the
 * company has no such upload, or it failed before its file was read.
 * Fields already in m are kept: the caller's choices win.
 */
int	ayni_mapping_from_upload(ayni_db *db, int64_t company_id,
	    int64_t upload_id, ayni_mapping *m, ayni_error *err);

/*
 * Save m under m->name (1 to AYNI_MAPPING_NAME_MAX bytes, no control
 * characters), replacing everything of a mapping of that name, its default
 * flag included (a damaged one too); created_at is kept.  With
 * m->is_default the company's other mappings stop being the default.  At
 * least one field must be mapped (AYNI_EUSAGE).  Runs in one transaction
 * (nested in the caller's, if any).  out, if not NULL, says what changed.
 */
int	ayni_mapping_save(ayni_db *db, int64_t company_id,
	    const ayni_mapping *m, ayni_mapping_saved *out, ayni_error *err);

/*
 * Delete the company's mapping called name (damaged or not):
 * AYNI_ENOTFOUND "no mapping 'name'".  *out_was_default, if not NULL, says
 * whether it was the default (the company then has none).
 */
int	ayni_mapping_remove(ayni_db *db, int64_t company_id, const char *name,
	    int *out_was_default, ayni_error *err);

/*
 * The company's mappings by name, columns ayni_mapping_list_columns:
 * name, fields (how many are mapped), default, updated_at.
 */
int	ayni_mapping_list(ayni_db *db, int64_t company_id, ayni_writer *w,
	    ayni_error *err);
extern const ayni_column ayni_mapping_list_columns[];
extern const int ayni_mapping_list_ncolumns;

/*
 * One mapping as rows of ayni_mapping_show_columns (kind, name, value): a
 * "field" row per mapped field in field-table order (name in_dt, value the
 * header), then "option" rows date_format, date_order (only when the
 * mapping has one), decimal, encoding, delimiter
 * (null when left to detection; a tab delimiter reads "tab") and default
 * ("yes" or "no").  Every value is text, so the list stays flat in csv and
 * json.
 */
int	ayni_mapping_write(const ayni_mapping *m, ayni_writer *w,
	    ayni_error *err);
extern const ayni_column ayni_mapping_show_columns[];
extern const int ayni_mapping_show_ncolumns;

#endif /* AYNI_MAPPING_H */

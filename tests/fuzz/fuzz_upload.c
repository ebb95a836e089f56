/*
 * fuzz_upload.c - a whole upload of arbitrary bytes into a fresh in-memory
 * database with one company: "bad input never crashes and never
 * half-writes".
 *
 * Input: one control byte, then the file.  Bit 0: replace mode; 1: dry
 * run; 2: --max-errors 1000000; 3-4: decimal auto , . auto; 5: a date
 * format; 6-7: encoding auto, utf-8, windows-1252, or auto with a rejects
 * file.
 *
 * Oracles, beyond the sanitizers:
 * - on error: the code is AYNI_EDATA, the summary counts nothing stored,
 *   and raw_transactions, data_updates and the rollups are empty, with no
 *   upload left pending or processing;
 * - on success: rows_inserted + rows_updated + rows_rejected == rows_read,
 *   rows_rejected <= max_errors, raw_transactions holds rows_inserted
 *   lines (none for a dry run), the rollups verify against the lines, and
 *   uploading the same bytes again (upsert) inserts nothing.
 * Not here: the CSV reader's own oracles (fuzz_csv), value parsing
 * (fuzz_parse).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "ayni/aggregate.h"
#include "ayni/db.h"
#include "internal.h"	/* ayni_db_handle */
#include "ayni/upload.h"
#include "fuzz_check.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static long long
count(ayni_db *db, const char *sql)
{
	sqlite3_stmt *st;
	long long n = -1;

	FUZZ_CHECK(sqlite3_prepare_v2(ayni_db_handle(db), sql, -1, &st,
	    NULL) == SQLITE_OK, "%s: %s", sql,
	    sqlite3_errmsg(ayni_db_handle(db)));
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/*
 * A fresh database per input, fast: migrating the schema costs ~20 ms, so
 * it is done once and its image, with the company, is copied back in
 * before each input.  The connection stays open for the whole run.
 */
static ayni_db *
fresh_db(void)
{
	static ayni_db *db;
	static unsigned char *image;
	static sqlite3_int64 size;
	unsigned char *copy;
	ayni_error err;

	if (db == NULL) {
		FUZZ_CHECK(ayni_db_open(&db, ":memory:", 0, &err) == 0, "%s",
		    err.msg);
		ayni_db_set_now(db, 1767225600);	/* 2026-01-01 */
		FUZZ_CHECK(sqlite3_exec(ayni_db_handle(db), "INSERT INTO"
		    " companies (rut, name, created_at, updated_at) VALUES"
		    " ('76123456-0', 'Tienda', 'n', 'n')", NULL, NULL,
		    NULL) == SQLITE_OK, "company");
		image = sqlite3_serialize(ayni_db_handle(db), "main", &size,
		    0);
		FUZZ_CHECK(image != NULL, "serialize");
	}
	copy = sqlite3_malloc64(size);
	FUZZ_CHECK(copy != NULL, "out of memory");
	memcpy(copy, image, size);
	FUZZ_CHECK(sqlite3_deserialize(ayni_db_handle(db), "main", copy, size,
	    size, SQLITE_DESERIALIZE_FREEONCLOSE |
	    SQLITE_DESERIALIZE_RESIZEABLE) == SQLITE_OK, "deserialize: %s",
	    sqlite3_errmsg(ayni_db_handle(db)));
	return db;
}

static int
upload(ayni_db *db, const uint8_t *buf, size_t size,
    const ayni_upload_opts *o, ayni_upload_result *res, ayni_error *err)
{
	FILE *fp;
	int rc;

	/* fmemopen() refuses size 0 on some libcs; an empty file is "". */
	if ((fp = fmemopen((void *)(size ? buf : (const uint8_t *)""),
	    size ? size : 1, "r")) == NULL)
		return 1;
	if (size == 0)
		fgetc(fp);
	memset(err, 0, sizeof(*err));
	rc = ayni_upload_run(db, fp, o, res, err);
	fclose(fp);
	return rc;
}

static void
check_nothing_stored(ayni_db *db, const ayni_upload_result *res, int rc,
    const ayni_error *err)
{
	FUZZ_CHECK(rc == AYNI_EDATA, "upload failed with %d: %s", rc,
	    err->msg);
	FUZZ_CHECK(err->msg[0] != '\0', "failed without a message");
	FUZZ_CHECK(res->rows_inserted == 0 && res->rows_updated == 0 &&
	    res->rows_deleted == 0, "failed but the summary says %ld/%ld/%ld",
	    res->rows_inserted, res->rows_updated, res->rows_deleted);
	FUZZ_CHECK(count(db, "SELECT count(*) FROM raw_transactions") == 0,
	    "half-written: lines stored after '%s'", err->msg);
	FUZZ_CHECK(count(db, "SELECT count(*) FROM data_updates") == 0,
	    "half-written: data_updates after '%s'", err->msg);
	FUZZ_CHECK(count(db, "SELECT count(*) FROM agg_day") == 0,
	    "half-written: rollups after '%s'", err->msg);
	FUZZ_CHECK(count(db, "SELECT count(*) FROM uploads WHERE status IN"
	    " ('pending', 'processing')") == 0, "an upload left active");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const ayni_encoding encs[] = { AYNI_ENC_AUTO, AYNI_ENC_UTF8,
	    AYNI_ENC_CP1252, AYNI_ENC_AUTO };
	static const char decimals[] = { 0, ',', '.', 0 };
	ayni_upload_opts o;
	ayni_upload_result res, again;
	ayni_error err;
	ayni_db *db;
	char *rej = NULL;
	size_t rejlen = 0;
	long long lines;
	long ndiff = 0;
	int rc;

	if (size < 1 || size > 64 * 1024)
		return 0;
	db = fresh_db();

	memset(&o, 0, sizeof(o));
	o.name = "fuzz.csv";
	o.company_id = 1;
	o.mode = data[0] & 1 ? AYNI_UPLOAD_REPLACE : AYNI_UPLOAD_UPSERT;
	/* chosen, not defaulted: a register would replace its months */
	o.mode_explicit = 1;
	o.dry_run = (data[0] >> 1) & 1;
	o.max_errors = data[0] & 4 ? 1000000 : 0;
	o.decimal = decimals[(data[0] >> 3) & 3];
	o.date_format = data[0] & 0x20 ? "%d/%m/%Y %H:%M" : NULL;
	o.csv.encoding = encs[(data[0] >> 6) & 3];
	o.wait_seconds = -1;
	if ((data[0] & 0xC0) == 0xC0)
		o.rejects = open_memstream(&rej, &rejlen);

	rc = upload(db, data + 1, size - 1, &o, &res, &err);
	if (rc == 1)
		goto out;
	if (rc != 0) {
		check_nothing_stored(db, &res, rc, &err);
		goto out;
	}
	FUZZ_CHECK(res.rows_inserted + res.rows_updated + res.rows_unchanged +
	    res.rows_rejected + res.rows_skipped == res.rows_read, "%ld "
	    "inserted + %ld updated + %ld unchanged + %ld rejected + %ld "
	    "skipped != %ld read", res.rows_inserted, res.rows_updated,
	    res.rows_unchanged, res.rows_rejected, res.rows_skipped,
	    res.rows_read);
	FUZZ_CHECK(res.rows_rejected <= o.max_errors, "%ld rejected",
	    res.rows_rejected);
	FUZZ_CHECK(strcmp(res.status, o.dry_run ? "dry-run" : "completed") ==
	    0, "status '%s'", res.status);
	lines = count(db, "SELECT count(*) FROM raw_transactions");
	FUZZ_CHECK(lines == (o.dry_run ? 0 : res.rows_inserted),
	    "%lld lines stored, %ld inserted", lines, res.rows_inserted);
	FUZZ_CHECK(ayni_aggregate_verify(db, 1, &ndiff, &err) == 0,
	    "rollups disagree with the lines: %s", err.msg);
	if (o.dry_run || o.mode != AYNI_UPLOAD_UPSERT)
		goto out;
	/* The key makes a second upload of the same file change nothing. */
	rc = upload(db, data + 1, size - 1, &o, &again, &err);
	FUZZ_CHECK(rc == 0, "the same file failed the second time: %s",
	    err.msg);
	FUZZ_CHECK(again.rows_inserted == 0 && again.rows_updated == 0 &&
	    again.rows_unchanged == res.rows_inserted + res.rows_updated +
	    res.rows_unchanged, "second upload: %ld inserted, %ld updated, "
	    "%ld unchanged (first: %ld, %ld, %ld)", again.rows_inserted,
	    again.rows_updated, again.rows_unchanged, res.rows_inserted,
	    res.rows_updated, res.rows_unchanged);
	FUZZ_CHECK(count(db, "SELECT count(*) FROM raw_transactions") ==
	    lines, "the second upload changed the line count");
out:
	if (o.rejects != NULL)
		fclose(o.rejects);
	free(rej);
	return 0;
}

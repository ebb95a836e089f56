/*
 * spool.c - the records of pass 1 kept for pass 2: length-prefixed, in an
 * anonymous temporary file, so that an upload reads its input once and
 * its memory does not grow with the file.
 *
 * Not here: what the records mean (record.c), or which ones are kept
 * (dialect.c spools every row that has a value).
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "upload_int.h"

int
ayni_spool_put(FILE *sp, const ayni_csv_record *r)
{
	uint32_t n = (uint32_t)r->nfields, len;
	int64_t line = r->line;
	size_t i;

	if (fwrite(&line, sizeof(line), 1, sp) != 1 ||
	    fwrite(&n, sizeof(n), 1, sp) != 1)
		return -1;
	for (i = 0; i < r->nfields; i++) {
		len = (uint32_t)r->lens[i];
		if (fwrite(&len, sizeof(len), 1, sp) != 1 ||
		    (len > 0 && fwrite(r->fields[i], 1, len, sp) != len))
			return -1;
	}
	return 0;
}

/*
 * The spool is an unlinked file in $TMPDIR (else /tmp): tmpfile() ignores
 * TMPDIR, and a user whose /tmp is small must be able to point it
 * elsewhere.  dir keeps the directory for messages.
 */
FILE *
ayni_spool_open(char *dir, size_t dirlen)
{
	const char *t = getenv("TMPDIR");
	char path[4200];
	FILE *fp;
	int fd;

	if (t == NULL || t[0] == '\0')
		t = "/tmp";
	snprintf(dir, dirlen, "%s", t);
	if ((size_t)snprintf(path, sizeof(path), "%s/ayni-spool-XXXXXX", t) >=
	    sizeof(path)) {
		errno = ENAMETOOLONG;
		return NULL;
	}
	if ((fd = mkstemp(path)) < 0)
		return NULL;
	unlink(path);
	if ((fp = fdopen(fd, "w+b")) == NULL)
		close(fd);
	return fp;
}

int
ayni_spool_get(FILE *sp, struct spool_rec *r)
{
	size_t used = 0, i;
	uint32_t len;

	if (fread(&r->line, sizeof(r->line), 1, sp) != 1)
		return feof(sp) ? 0 : -1;
	if (fread(&r->n, sizeof(r->n), 1, sp) != 1)
		return -1;
	if (r->n > r->fcap) {
		const char **f = realloc(r->f, r->n * sizeof(*f));

		if (f == NULL)
			return -1;
		r->f = f;
		r->fcap = r->n;
	}
	for (i = 0; i < r->n; i++) {
		if (fread(&len, sizeof(len), 1, sp) != 1)
			return -1;
		if (used + len + 1 > r->cap) {
			size_t cap = (used + len + 1) * 2;
			char *b = realloc(r->buf, cap);

			if (b == NULL)
				return -1;
			r->buf = b;
			r->cap = cap;
		}
		if (len > 0 && fread(r->buf + used, 1, len, sp) != len)
			return -1;
		r->buf[used + len] = '\0';
		/* Offsets now, pointers once the buffer stops moving. */
		r->f[i] = (const char *)(uintptr_t)used;
		used += len + 1;
	}
	for (i = 0; i < r->n; i++)
		r->f[i] = r->buf + (uintptr_t)r->f[i];
	return 1;
}

void
ayni_spool_rec_free(struct spool_rec *r)
{
	free(r->buf);
	free(r->f);
	r->buf = NULL;
	r->f = NULL;
	r->cap = r->fcap = 0;
}

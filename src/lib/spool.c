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
#include <string.h>
#include <unistd.h>

#include "upload_int.h"

/*
 * A record is a header, the line number, the number of fields and the
 * size of the body, then the body: the fields' lengths, then the fields,
 * each followed by a NUL.  Written with one fwrite when it fits in a
 * buffer on the stack (nearly always) and read back with two freads, so
 * that pass 2 costs two calls a record, not two a field.
 */
struct spool_head {
	int64_t		line;
	uint32_t	n, size;
};

int
ayni_spool_put(FILE *sp, const ayni_csv_record *r)
{
	struct spool_head h;
	char stack[8192], *body = stack, *p;
	uint32_t len;
	size_t i, size;
	int rc = 0;

	size = r->nfields * sizeof(uint32_t);
	for (i = 0; i < r->nfields; i++)
		size += r->lens[i] + 1;
	if (size > UINT32_MAX - sizeof(h))
		return -1;
	if (size + sizeof(h) > sizeof(stack) &&
	    (body = malloc(size + sizeof(h))) == NULL)
		return -1;
	h.line = r->line;
	h.n = (uint32_t)r->nfields;
	h.size = (uint32_t)size;
	memcpy(body, &h, sizeof(h));
	p = body + sizeof(h);
	for (i = 0; i < r->nfields; i++, p += sizeof(len)) {
		len = (uint32_t)r->lens[i];
		memcpy(p, &len, sizeof(len));
	}
	for (i = 0; i < r->nfields; i++) {
		memcpy(p, r->fields[i], r->lens[i]);
		p += r->lens[i];
		*p++ = '\0';
	}
	if (fwrite(body, 1, size + sizeof(h), sp) != size + sizeof(h))
		rc = -1;
	if (body != stack)
		free(body);
	return rc;
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
	else
		setvbuf(fp, NULL, _IOFBF, 256 * 1024);
	return fp;
}

int
ayni_spool_get(FILE *sp, struct spool_rec *r)
{
	struct spool_head h;
	const char *p;
	uint32_t len;
	size_t i, left;

	if (fread(&h, sizeof(h), 1, sp) != 1)
		return feof(sp) ? 0 : -1;
	if ((size_t)h.n * sizeof(len) > h.size)
		return -1;
	if (h.size + 1 > r->cap) {
		char *b = realloc(r->buf, (size_t)h.size * 2 + 1);

		if (b == NULL)
			return -1;
		r->buf = b;
		r->cap = (size_t)h.size * 2 + 1;
	}
	if (h.n > r->fcap) {
		const char **f = realloc(r->f, h.n * sizeof(*f));

		if (f == NULL)
			return -1;
		r->f = f;
		r->fcap = h.n;
	}
	if (h.size > 0 && fread(r->buf, 1, h.size, sp) != h.size)
		return -1;
	r->line = h.line;
	r->n = h.n;
	p = r->buf + (size_t)h.n * sizeof(len);
	left = h.size - (size_t)h.n * sizeof(len);
	for (i = 0; i < h.n; i++) {
		memcpy(&len, r->buf + i * sizeof(len), sizeof(len));
		if ((size_t)len + 1 > left || p[len] != '\0')
			return -1;
		r->f[i] = p;
		p += len + 1;
		left -= len + 1;
	}
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

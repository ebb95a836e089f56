/*
 * fuzz_header.c - header detection: automatic matching of header names to
 * fields (src/lib/fields.c) and explicit --map pairs and mapping options
 * (src/lib/mapping.c), on arbitrary header rows.
 *
 * Input: NUL-separated strings, each in an exact-size allocation: the
 * header row, which is also tried as "FIELD=HEADER" pairs and option
 * values.
 *
 * Oracles: columns are real columns, a loser (dup) only beside a winner;
 * a missing-field message names something; matching ignores ASCII case
 * and the separators docs/contract.md §5 says it ignores (so a header row
 * upper-cased and padded with ' ', '_', '-', '.' maps exactly the same); a
 * refused pair leaves the mapping as it was, an accepted one stores the header
 * after the first '='; a second pair for a field is refused.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ayni/fields.h"
#include "ayni/mapping.h"
#include "fuzz_check.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_PIECES	32

static void
check_match(char *const *h, size_t n)
{
	ayni_header_map m, m2;
	ayni_error err;
	char *v[MAX_PIECES];
	size_t i, j, len;

	ayni_header_match((const char *const *)h, n, &m);
	for (i = 0; i < AYNI_FIELD_COUNT; i++) {
		FUZZ_CHECK(m.col[i] >= -1 && m.col[i] < (int)n, "col");
		FUZZ_CHECK(m.dup[i] >= -1 && m.dup[i] < (int)n, "dup");
		FUZZ_CHECK(m.dup[i] < 0 || (m.col[i] >= 0 &&
		    m.dup[i] != m.col[i]), "dup without col");
	}
	memset(&err, 0, sizeof(err));
	if (ayni_header_check(&m, (const char *const *)h, n, &err) != 0)
		FUZZ_CHECK(err.msg[0] != '\0', "check without a message");

	/* The same row shouted and padded: the same map. */
	for (i = 0; i < n; i++) {
		len = strlen(h[i]);
		if ((v[i] = malloc(len + 5)) == NULL) {
			while (i-- > 0)
				free(v[i]);
			return;
		}
		v[i][0] = ' ';
		v[i][1] = '_';
		for (j = 0; j < len; j++) {
			char c = h[i][j];

			v[i][j + 2] = c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
		}
		memcpy(v[i] + len + 2, ".-", 3);
	}
	ayni_header_match((const char *const *)v, n, &m2);
	for (i = 0; i < AYNI_FIELD_COUNT; i++)
		FUZZ_CHECK(m.col[i] == m2.col[i] && m.dup[i] == m2.dup[i],
		    "field %s: '%s' matched %d/%d, shouted %d/%d",
		    ayni_fields[i].name, m.col[i] >= 0 ? h[m.col[i]] : "",
		    m.col[i], m.dup[i], m2.col[i], m2.dup[i]);
	for (i = 0; i < n; i++)
		free(v[i]);
}

static void
check_mapping(char *const *p, size_t n)
{
	ayni_mapping m, before;
	ayni_error err;
	const char *eq;
	size_t i;
	int f, rc;

	memset(&m, 0, sizeof(m));
	for (i = 0; i < n; i++) {
		before = m;
		rc = ayni_mapping_add_pair(&m, p[i], &err);
		if (rc != 0) {
			FUZZ_CHECK(rc == AYNI_EUSAGE && err.msg[0] != '\0',
			    "'%s': rc %d", p[i], rc);
			FUZZ_CHECK(memcmp(m.header, before.header,
			    sizeof(m.header)) == 0,
			    "'%s' refused, but the mapping changed", p[i]);
			continue;
		}
		eq = strchr(p[i], '=');
		FUZZ_CHECK(eq != NULL, "'%s' accepted without '='", p[i]);
		for (f = 0; f < AYNI_FIELD_COUNT; f++)
			if (m.header[f] != before.header[f])
				break;
		FUZZ_CHECK(f < AYNI_FIELD_COUNT && before.header[f] == NULL &&
		    strcmp(m.header[f], eq + 1) == 0 &&
		    strncmp(p[i], ayni_fields[f].name, (size_t)(eq - p[i])) ==
		    0 && ayni_fields[f].name[eq - p[i]] == '\0',
		    "'%s' stored wrongly", p[i]);
		/* the same field again is refused */
		FUZZ_CHECK(ayni_mapping_add_pair(&m, p[i], &err) ==
		    AYNI_EUSAGE, "'%s' taken twice", p[i]);
	}
	(void)ayni_mapping_set_date_format(&m, p[0], &err);
	FUZZ_CHECK(strlen(m.date_format) < sizeof(m.date_format), "fmt");
	if (ayni_mapping_set_decimal(&m, p[0], &err) == 0)
		FUZZ_CHECK(m.decimal == ',' || m.decimal == '.', "decimal");
	(void)ayni_mapping_set_encoding(&m, p[0], &err);
	FUZZ_CHECK(strlen(m.encoding) < sizeof(m.encoding), "encoding");
	if (ayni_mapping_set_date_order(&m, p[0], &err) == 0)
		FUZZ_CHECK(m.date_order == 'd' || m.date_order == 'm',
		    "order");
	if (ayni_mapping_set_delimiter(&m, p[0], &err) == 0)
		FUZZ_CHECK(m.delimiter == ',' || m.delimiter == ';' ||
		    m.delimiter == '|' || m.delimiter == '\t', "delimiter");
	ayni_mapping_release(&m);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *pieces[MAX_PIECES];
	const uint8_t *p = data, *end = data + size, *z;
	size_t n = 0, len, i;

	while (n < MAX_PIECES) {
		z = memchr(p, 0, end - p);
		len = z ? (size_t)(z - p) : (size_t)(end - p);
		if ((pieces[n] = malloc(len + 1)) == NULL)
			break;
		memcpy(pieces[n], p, len);
		pieces[n][len] = '\0';
		n++;
		if (z == NULL)
			break;
		p = z + 1;
	}
	if (n > 0) {
		check_match(pieces, n);
		check_mapping(pieces, n);
	}
	for (i = 0; i < n; i++)
		free(pieces[i]);
	return 0;
}

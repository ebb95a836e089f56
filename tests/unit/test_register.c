/*
 * test_register.c - the synthetic SII sales register (sample_register.c).
 *
 * Reads each register back field by field and checks what the upload and
 * the accountant's tests rely on: determinism, the real header, valid
 * customer RUTs, notes that refer to an earlier factura of the same file,
 * amounts that add up (IVA 19 % of the net, total = exento + neto + IVA),
 * folios that rise from one month to the next, and stats that match a
 * recount made here.
 */
#include <inttypes.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ayni/error.h"
#include "ayni/rut.h"
#include "ayni/sample.h"

#define NF	26	/* fields per row */

static char *
write_register(const ayni_register_options *o, ayni_register_stats *st,
    size_t *len)
{
	ayni_error err = { 0, "", 0 };
	char *buf = NULL;
	FILE *fp = open_memstream(&buf, len);

	assert_non_null(fp);
	assert_int_equal(ayni_register_write(fp, st, o, &err), 0);
	assert_int_equal(fclose(fp), 0);
	return buf;
}

/* Split line (modified) at ';' into f[NF]; returns the field count. */
static int
split(char *line, char *f[NF + 1])
{
	int n = 0;

	f[n++] = line;
	for (; *line != '\0'; line++)
		if (*line == ';') {
			*line = '\0';
			if (n == NF + 1)
				return n + 1;
			f[n++] = line + 1;
		}
	return n;
}

struct folio {
	int	type;
	long	folio;
};

static void
test_register_reads_back(void **state)
{
	ayni_register_options o;
	ayni_register_stats st;
	ayni_error err = { 0, "", 0 };
	struct folio seen[400];
	char *buf, *line, *save, *f[NF + 1], rut[AYNI_RUT_MAX];
	size_t len, nseen = 0, i;
	long rows = 0, guides = 0, nc = 0, nd = 0;
	int64_t net = 0, neto, exento, iva, total;
	int type, found;

	(void)state;
	ayni_register_options_init(&o);
	o.documents = 300;
	buf = write_register(&o, &st, &len);
	line = strtok_r(buf, "\n", &save);
	assert_non_null(line);
	assert_true(strncmp(line, "Nro;Tipo Doc;Tipo Venta;Rut cliente;"
	    "Razon Social;Folio;Fecha Docto;", 50) == 0);
	assert_int_equal(line[strlen(line) - 1], '\r');	/* CRLF */
	while ((line = strtok_r(NULL, "\n", &save)) != NULL) {
		line[strcspn(line, "\r")] = '\0';
		assert_int_equal(split(line, f), NF);
		rows++;
		assert_int_equal(strtol(f[0], NULL, 10), rows);	/* Nro */
		type = (int)strtol(f[1], NULL, 10);
		assert_int_equal(ayni_rut_parse(f[3], rut, &err), 0);
		assert_string_equal(rut, f[3]);		/* canonical */
		assert_int_equal(strncmp(f[6] + 2, "/10/2025", 8), 0);
		exento = strtoll(f[10], NULL, 10);
		neto = strtoll(f[11], NULL, 10);
		iva = strtoll(f[12], NULL, 10);
		total = strtoll(f[13], NULL, 10);
		assert_true(exento >= 0 && neto >= 0);
		assert_int_equal(total, exento + neto + iva);
		assert_int_equal(iva, type == 110 ? 0 : (neto * 19 + 50) / 100);
		if (type == 34 || type == 110)
			assert_int_equal(neto, 0);
		if (type == 61 || type == 56) {
			/* refers to an earlier factura of this file */
			assert_string_equal(f[24], "33");
			found = 0;
			for (i = 0; i < nseen; i++)
				found |= seen[i].type == 33 &&
				    seen[i].folio == strtol(f[25], NULL, 10);
			assert_true(found);
		} else
			assert_string_equal(f[24], "");
		if (nseen < 400)
			seen[nseen++] = (struct folio){ type,
			    strtol(f[5], NULL, 10) };
		guides += type == 52;
		nc += type == 61;
		nd += type == 56;
		if (type != 52)
			net += type == 61 ? -(neto + exento) : neto + exento;
	}
	assert_int_equal(rows, 300);
	assert_int_equal(st.rows, rows);
	assert_int_equal(st.guides, guides);
	assert_int_equal(st.credit_notes, nc);
	assert_int_equal(st.debit_notes, nd);
	assert_true(st.net == net);
	/* every kind appears in a month of 300 documents */
	assert_true(guides > 0 && nc > 0 && nd > 0);
	free(buf);

	/* next month: every factura's folio is above October's */
	o.month = 11;
	buf = write_register(&o, &st, &len);
	line = strtok_r(buf, "\n", &save);
	found = 0;
	while ((line = strtok_r(NULL, "\n", &save)) != NULL) {
		assert_int_equal(split(line, f), NF);
		if (strcmp(f[1], "33") != 0)
			continue;
		found++;
		for (i = 0; i < nseen; i++)
			if (seen[i].type == 33)
				assert_true(strtol(f[5], NULL, 10) >
				    seen[i].folio);
	}
	assert_true(found > 100);
	free(buf);
}

static void
test_register_deterministic(void **state)
{
	ayni_register_options o, c1, c2;
	ayni_register_client a, b;
	ayni_error err = { 0, "", 0 };
	char *x, *y, rut[AYNI_RUT_MAX];
	size_t xl, yl;
	int i, j, services = 0;
	ayni_register_client all[20];

	(void)state;
	ayni_register_options_init(&o);
	x = write_register(&o, NULL, &xl);
	y = write_register(&o, NULL, &yl);
	assert_int_equal(xl, yl);
	assert_memory_equal(x, y, xl);
	free(y);
	o.seed = 2;
	y = write_register(&o, NULL, &yl);
	assert_false(xl == yl && memcmp(x, y, xl) == 0);
	free(x);
	free(y);

	/* twenty clients: distinct valid RUTs, two industries of ten */
	for (i = 0; i < 20; i++) {
		assert_int_equal(ayni_register_client_get(&all[i], 7, i + 1,
		    &err), 0);
		assert_int_equal(ayni_rut_parse(all[i].rut, rut, &err), 0);
		assert_string_equal(rut, all[i].rut);
		services += strcmp(all[i].industry, "services") == 0;
		for (j = 0; j < i; j++)
			assert_string_not_equal(all[i].rut, all[j].rut);
	}
	assert_int_equal(services, 10);
	assert_int_equal(ayni_register_client_get(&a, 7, 3, &err), 0);
	assert_int_equal(ayni_register_client_get(&b, 7, 3, &err), 0);
	assert_string_equal(a.rut, b.rut);
	assert_string_equal(a.name, b.name);
	assert_int_equal(ayni_register_client_options(&c1, &o, 1, &err), 0);
	assert_int_equal(ayni_register_client_options(&c2, &o, 2, &err), 0);
	assert_true(c1.seed != c2.seed);

	/* bad options are usage errors, nothing written */
	o.month = 13;
	x = NULL;
	{
		FILE *fp = open_memstream(&x, &xl);

		assert_int_equal(ayni_register_write(fp, NULL, &o, &err),
		    AYNI_EUSAGE);
		assert_non_null(strstr(err.msg, "2025-13"));
		fclose(fp);
		assert_int_equal(xl, 0);
		free(x);
	}
	assert_int_equal(ayni_register_client_get(&a, 7, 0, &err),
	    AYNI_EUSAGE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_register_reads_back),
		cmocka_unit_test(test_register_deterministic),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

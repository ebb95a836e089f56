/*
 * test_sample.c - the synthetic export generator (src/lib/sample.c).
 *
 * Reads the generated CSV back with a small RFC 4180 splitter and checks
 * what the upload and the aggregate tests rely on: determinism, the exact
 * header, the row count, field counts, returns, kg fractions, and totals
 * that add up on every line and match the generator's own stats.  It does
 * not run the upload: that is test_upload's business.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "ayni/error.h"
#include "ayni/sample.h"

#define NFIELDS	17

static const char expected_header[] =
    "Fecha venta;N° doc. venta;Método pago;Tipo documento;Nombre cliente;"
    "SKU;Nombre;Categoría;Tipo unidad;Cantidad;Costo unitario;Total costo;"
    "Precio unitario;Total neto;Total descuento;Total comisión;"
    "Utilidad aprox.";

struct buf {
	char	*data;
	size_t	 len;
};

static int
generate(struct buf *b, ayni_sample_stats *st, const ayni_sample_options *o,
    ayni_error *err)
{
	FILE *f;
	int rc;

	b->data = NULL;
	b->len = 0;
	f = open_memstream(&b->data, &b->len);
	assert_non_null(f);
	rc = ayni_sample_write(f, st, o, err);
	assert_int_equal(fclose(f), 0);
	return rc;
}

/*
 * Split one record starting at *p into fields (RFC 4180, ';'), unquoting in
 * place into out; returns the number of fields, or -1 at the end.
 */
static int
split(char **p, char *fields[], int max, char *out, size_t outlen)
{
	char *s = *p, *o = out;
	int n = 0;

	if (*s == '\0')
		return -1;
	for (;;) {
		assert_true(n < max);
		fields[n++] = o;
		if (*s == '"') {
			for (s++;; s++) {
				assert_true(*s != '\0');
				if (*s == '"' && s[1] == '"')
					*o++ = *s++;
				else if (*s == '"')
					break;
				else
					*o++ = *s;
				assert_true((size_t)(o - out) < outlen);
			}
			s++;
		} else {
			while (*s != ';' && *s != '\n' && *s != '\0')
				*o++ = *s++;
		}
		*o++ = '\0';
		assert_true((size_t)(o - out) < outlen);
		if (*s == ';') {
			s++;
			continue;
		}
		assert_true(*s == '\n');	/* every line ends in LF */
		*p = s + 1;
		return n;
	}
}

static int64_t
num(const char *s)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	assert_int_equal(errno, 0);
	assert_true(end != s && *end == '\0');
	return v;
}

/* "1,088" -> 1088, "2" -> 2000, "2,5" -> 2500, "0,75" -> 750 */
static int64_t
qty_milli(const char *s, int *has_fraction)
{
	const char *c = strchr(s, ',');
	int64_t v;
	int digits = 0, frac = 0;
	char whole[32];

	assert_null(strchr(s, '.'));
	if (c == NULL) {
		*has_fraction = 0;
		return num(s) * 1000;
	}
	assert_true((size_t)(c - s) < sizeof(whole));
	memcpy(whole, s, (size_t)(c - s));
	whole[c - s] = '\0';
	v = num(whole) * 1000;
	for (c++; *c != '\0'; c++, digits++) {
		assert_true(*c >= '0' && *c <= '9');
		frac = frac * 10 + (*c - '0');
	}
	assert_true(digits >= 1 && digits <= 3);
	while (digits++ < 3)
		frac *= 10;
	*has_fraction = frac != 0;
	return v + frac;
}

struct totals {
	long		 lines, documents, returns, kg_fractions;
	long		 nocost, discounted, with_customer;
	int64_t		 revenue, units_milli, cost, discount;
};

/* Parse a whole export, asserting the per-line arithmetic. */
static void
check_export(const struct buf *b, struct totals *t)
{
	char *copy = malloc(b->len + 1), *p, *fields[NFIELDS + 1];
	char tmp[2048], last_doc[64] = "";
	char hdr[sizeof(expected_header) + 1];

	assert_non_null(copy);
	memcpy(copy, b->data, b->len);
	copy[b->len] = '\0';
	memset(t, 0, sizeof(*t));

	snprintf(hdr, sizeof(hdr), "%s\n", expected_header);
	assert_true(b->len >= strlen(hdr));
	assert_memory_equal(copy, hdr, strlen(hdr));
	p = copy + strlen(hdr);

	for (;;) {
		int n = split(&p, fields, NFIELDS + 1, tmp, sizeof(tmp));
		int frac, ret;
		int64_t q, pu, neto, disc, comm, cu, ct;

		if (n < 0)
			break;
		assert_int_equal(n, NFIELDS);
		t->lines++;
		/* dd-mm-yyyy HH:MM */
		assert_int_equal(strlen(fields[0]), 16);
		assert_true(fields[0][2] == '-' && fields[0][5] == '-' &&
		    fields[0][10] == ' ' && fields[0][13] == ':');
		if (strcmp(fields[1], last_doc) != 0) {
			t->documents++;
			if (fields[4][0] != '\0')
				t->with_customer++;
			snprintf(last_doc, sizeof(last_doc), "%s", fields[1]);
		}
		ret = strcmp(fields[2], "Nota de crédito") == 0;
		t->returns += ret;
		assert_true(fields[5][0] != '\0');	/* SKU */
		assert_true(fields[6][0] != '\0');	/* Nombre */

		q = qty_milli(fields[9], &frac);
		assert_true(q > 0);
		if (strcmp(fields[8], "Kilo") == 0 && frac)
			t->kg_fractions++;
		if (strcmp(fields[8], "Unidad") == 0)
			assert_int_equal(q % 1000, 0);
		pu = num(fields[12]);
		neto = num(fields[13]);
		disc = num(fields[14]);
		comm = num(fields[15]);
		assert_true(disc >= 0 && comm >= 0);
		assert_int_equal(neto, (pu * q + 500) / 1000 - disc);
		if (ret)
			assert_int_equal(disc, 0);
		if (disc > 0)
			t->discounted++;
		if (fields[10][0] == '\0') {
			assert_string_equal(fields[11], "");
			assert_string_equal(fields[16], "");
			t->nocost++;
		} else {
			cu = num(fields[10]);
			ct = num(fields[11]);
			assert_int_equal(ct, (cu * q + 500) / 1000);
			assert_int_equal(num(fields[16]), neto - ct - comm);
			t->cost += ret ? -ct : ct;
		}
		t->revenue += ret ? -neto : neto;
		t->units_milli += ret ? -q : q;
		t->discount += disc;
	}
	free(copy);
}

static void
test_header_and_defaults(void **state)
{
	ayni_sample_options o;
	struct buf b;
	ayni_error err = { 0 };

	(void)state;
	ayni_sample_options_init(&o);
	assert_int_equal(o.rows, 1000);
	assert_true(o.seed == 1);
	assert_null(o.from);
	assert_int_equal(o.days, 90);
	assert_int_equal(o.profile, 0);

	o.rows = 0;
	assert_int_equal(generate(&b, NULL, &o, &err), 0);
	assert_int_equal(b.len, strlen(expected_header) + 1);
	assert_memory_equal(b.data, expected_header, strlen(expected_header));
	assert_int_equal(b.data[b.len - 1], '\n');
	free(b.data);
}

static void
test_deterministic(void **state)
{
	ayni_sample_options o;
	struct buf a, b, c;
	ayni_error err = { 0 };

	(void)state;
	ayni_sample_options_init(&o);
	o.rows = 3000;
	o.seed = 42;
	assert_int_equal(generate(&a, NULL, &o, &err), 0);
	assert_int_equal(generate(&b, NULL, &o, &err), 0);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.data, b.data, a.len);

	o.seed = 43;
	assert_int_equal(generate(&c, NULL, &o, &err), 0);
	assert_false(a.len == c.len && memcmp(a.data, c.data, a.len) == 0);
	free(a.data);
	free(b.data);
	free(c.data);
}

static void
test_row_count(void **state)
{
	static const struct {
		long	rows;
		int	days;
		const char *from;
	} cases[] = {
		{ 1000, 90, NULL }, { 7, 90, NULL }, { 1, 1, "2025-03-03" },
		{ 5000, 30, "2024-02-01" }, { 12345, 365, "2023-06-15" },
		/* a single holiday: the shop trades anyway */
		{ 50, 1, "2025-12-25" },
	};
	ayni_error err = { 0 };

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ayni_sample_options o;
		ayni_sample_stats st;
		struct totals t;
		struct buf b;

		ayni_sample_options_init(&o);
		o.rows = cases[i].rows;
		o.days = cases[i].days;
		o.from = cases[i].from;
		assert_int_equal(generate(&b, &st, &o, &err), 0);
		check_export(&b, &t);
		assert_int_equal(t.lines, cases[i].rows);
		assert_int_equal(st.lines, cases[i].rows);
		free(b.data);
	}
}

/* A Sunday-closed hardware store never sells on a Sunday or a holiday. */
static void
test_opening_days(void **state)
{
	ayni_sample_options o;
	struct buf b;
	ayni_error err = { 0 };

	(void)state;
	ayni_sample_options_init(&o);
	o.profile = 2;
	o.rows = 2000;
	o.from = "2025-09-01";
	o.days = 30;
	assert_string_equal(ayni_sample_profile_name(2), "ferreteria");
	assert_int_equal(generate(&b, NULL, &o, &err), 0);
	/* 2025-09-07 is a Sunday; the 18th and 19th are the fiestas patrias */
	assert_null(strstr(b.data, "\n07-09-2025 "));
	assert_null(strstr(b.data, "\n18-09-2025 "));
	assert_null(strstr(b.data, "\n19-09-2025 "));
	assert_non_null(strstr(b.data, "\n08-09-2025 "));
	/* and it opens at 9 */
	assert_null(strstr(b.data, "-2025 08:"));
	free(b.data);
}

static void
test_content_every_profile(void **state)
{
	ayni_error err = { 0 };

	(void)state;
	assert_int_equal(ayni_sample_profile_count(), 6);
	assert_null(ayni_sample_profile_name(6));
	assert_null(ayni_sample_profile_name(-1));
	assert_null(ayni_sample_profile_industry(6));
	for (int p = 0; p < ayni_sample_profile_count(); p++) {
		ayni_sample_options o;
		ayni_sample_stats st;
		struct totals t;
		struct buf b;

		assert_non_null(ayni_sample_profile_name(p));
		assert_non_null(ayni_sample_profile_industry(p));
		ayni_sample_options_init(&o);
		o.profile = p;
		o.rows = 5000;
		o.seed = 1000 + (uint64_t)p;
		assert_int_equal(generate(&b, &st, &o, &err), 0);
		check_export(&b, &t);

		assert_int_equal(t.lines, 5000);
		/* returns are about 3.5 % of the lines */
		assert_true(t.returns >= 5000 * 2 / 100);
		assert_true(t.returns <= 5000 * 6 / 100);
		/* tickets have several lines */
		assert_true(t.documents < t.lines * 9 / 10);
		/* about 60 % of the tickets name a customer */
		assert_true(t.with_customer * 100 >= t.documents * 45);
		assert_true(t.with_customer * 100 <= t.documents * 75);
		assert_true(t.nocost > 0);
		assert_true(t.discounted > 0);

		/* the generator's own books agree with the file */
		assert_int_equal(st.lines, t.lines);
		assert_int_equal(st.documents, t.documents);
		assert_int_equal(st.return_lines, t.returns);
		assert_true(st.revenue == t.revenue);
		assert_true(st.units_milli == t.units_milli);
		assert_true(st.cost == t.cost);
		assert_true(st.discount == t.discount);
		assert_true(st.revenue > 0);
		free(b.data);
	}
}

static void
test_kg_and_quoting(void **state)
{
	ayni_sample_options o;
	struct totals t;
	struct buf b;
	ayni_error err = { 0 };

	(void)state;
	ayni_sample_options_init(&o);
	o.rows = 5000;
	assert_int_equal(generate(&b, NULL, &o, &err), 0);
	check_export(&b, &t);
	assert_true(t.kg_fractions > 100);
	/* a name with a comma is quoted, accents are plain UTF-8 */
	assert_non_null(strstr(b.data, ";\"Coca-Cola 1,5 L\";"));
	assert_non_null(strstr(b.data, ";\"Lavalozas \"\"Brillo\"\" 500 ml\";"));
	assert_non_null(strstr(b.data, "Lácteos"));
	assert_null(strstr(b.data, "\r"));
	free(b.data);
}

static void
expect_usage(const ayni_sample_options *o, const char *fragment)
{
	struct buf b;
	ayni_error err = { 0 };

	assert_int_equal(generate(&b, NULL, o, &err), AYNI_EUSAGE);
	assert_int_equal(err.code, AYNI_EUSAGE);
	assert_non_null(strstr(err.msg, fragment));
	assert_int_equal(b.len, 0);	/* nothing written */
	free(b.data);
}

static void
test_bad_options(void **state)
{
	static const char *const bad_dates[] = {
		"2025-02-30", "2025-1-01", "01-01-2025", "hello", "",
		"2025-13-01", "2025-00-10", "1969-12-31", "2023-02-29",
		"2025-01-01 ", "2025/01/01"
	};
	ayni_sample_options o;

	(void)state;
	ayni_sample_options_init(&o);
	o.rows = -1;
	expect_usage(&o, "'-1'");
	o.rows = AYNI_SAMPLE_MAX_ROWS + 1;
	expect_usage(&o, "row count");

	ayni_sample_options_init(&o);
	o.days = 0;
	expect_usage(&o, "days");
	o.days = AYNI_SAMPLE_MAX_DAYS + 1;
	expect_usage(&o, "days");

	ayni_sample_options_init(&o);
	o.profile = 6;
	expect_usage(&o, "profile");
	o.profile = -1;
	expect_usage(&o, "profile");

	for (size_t i = 0; i < sizeof(bad_dates) / sizeof(bad_dates[0]);
	    i++) {
		ayni_sample_options_init(&o);
		o.from = bad_dates[i];
		expect_usage(&o, "YYYY-MM-DD");
	}

	/* and the edges that are fine */
	ayni_sample_options_init(&o);
	o.from = "2024-02-29";
	o.rows = 10;
	o.days = AYNI_SAMPLE_MAX_DAYS;
	{
		struct buf b;
		ayni_error err = { 0 };

		assert_int_equal(generate(&b, NULL, &o, &err), 0);
		free(b.data);
	}
}

static void
test_write_error(void **state)
{
	ayni_sample_options o;
	ayni_error err = { 0 };
	FILE *f;

	(void)state;
	if ((f = fopen("/dev/full", "w")) == NULL)
		skip();
	ayni_sample_options_init(&o);
	assert_int_equal(ayni_sample_write(f, NULL, &o, &err), AYNI_EIO);
	assert_non_null(strstr(err.msg, "cannot write"));
	fclose(f);
}

static char *
make_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	size_t len;
	char *d;

	if (base == NULL || *base == '\0')
		base = "/tmp";
	len = strlen(base) + sizeof("/ayni-sample-XXXXXX");
	d = malloc(len);
	assert_non_null(d);
	snprintf(d, len, "%s/ayni-sample-XXXXXX", base);
	assert_non_null(mkdtemp(d));
	return d;
}

static void
remove_tree(const char *dir, int count)
{
	char path[4096];

	for (int i = 1; i <= count; i++) {
		snprintf(path, sizeof(path), "%s/company-%02d.csv", dir, i);
		unlink(path);
	}
	assert_int_equal(rmdir(dir), 0);
}

static void
test_companies(void **state)
{
	ayni_sample_options base, o;
	ayni_error err = { 0 };
	char *dir = make_tmpdir(), path[4096];
	long rows[8];
	uint64_t seeds[8];
	int profiles_seen = 0;
	mode_t mask = umask(022);

	(void)state;
	umask(mask);
	ayni_sample_options_init(&base);
	base.rows = 400;
	assert_int_equal(ayni_sample_companies(dir, 8, &base, &err), 0);

	for (int i = 1; i <= 8; i++) {
		struct stat sb;
		struct buf want;
		struct totals t;
		FILE *f;
		char *got;
		long len;

		snprintf(path, sizeof(path), "%s/company-%02d.csv", dir, i);
		assert_int_equal(stat(path, &sb), 0);
		assert_int_equal(sb.st_mode & 07777, 0644 & ~mask);

		/* each file is what ayni_sample_company_options describes */
		assert_int_equal(ayni_sample_company_options(&o, &base, i,
		    &err), 0);
		/* one industry: retail's minimarket and botilleria in turn */
		assert_int_equal(o.profile, (i - 1) % 2 ? 5 : 0);
		assert_string_equal(ayni_sample_profile_industry(o.profile),
		    "retail");
		profiles_seen |= 1 << o.profile;
		rows[i - 1] = o.rows;
		seeds[i - 1] = o.seed;
		assert_int_equal(generate(&want, NULL, &o, &err), 0);
		f = fopen(path, "rb");
		assert_non_null(f);
		fseek(f, 0, SEEK_END);
		len = ftell(f);
		rewind(f);
		assert_int_equal((size_t)len, want.len);
		got = malloc((size_t)len);
		assert_non_null(got);
		assert_int_equal(fread(got, 1, (size_t)len, f), (size_t)len);
		fclose(f);
		assert_memory_equal(got, want.data, want.len);
		check_export(&want, &t);
		assert_int_equal(t.lines, o.rows);
		free(got);
		free(want.data);
	}
	assert_int_equal(profiles_seen, 0x21);
	/* shops of different sizes */
	assert_true(rows[0] != rows[1] && rows[1] != rows[2]);
	/* companies 1 and 7 share a profile but are different shops */
	assert_true(seeds[0] != seeds[6]);
	assert_int_equal(ayni_sample_company_options(&o, &base, 0, &err),
	    AYNI_EUSAGE);
	remove_tree(dir, 8);
	free(dir);
}

static void
test_companies_cannot_create(void **state)
{
	ayni_sample_options base;
	ayni_error err = { 0 };
	char *dir = make_tmpdir(), path[4096];
	FILE *f;

	(void)state;
	ayni_sample_options_init(&base);
	base.rows = 10;

	/* a missing directory */
	snprintf(path, sizeof(path), "%s/missing", dir);
	assert_int_equal(ayni_sample_companies(path, 2, &base, &err),
	    AYNI_ECANTCREAT);
	assert_non_null(strstr(err.msg, "missing/company-01.csv"));

	/* a regular file where the directory should be: fails even as root */
	snprintf(path, sizeof(path), "%s/company-01.csv", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fclose(f);
	assert_int_equal(ayni_sample_companies(path, 1, &base, &err),
	    AYNI_ECANTCREAT);
	assert_non_null(strstr(err.msg, path));
	unlink(path);

	/* a read-only directory; root writes anyway, so only as a user */
	if (geteuid() != 0) {
		assert_int_equal(chmod(dir, 0555), 0);
		assert_int_equal(ayni_sample_companies(dir, 2, &base, &err),
		    AYNI_ECANTCREAT);
		assert_non_null(strstr(err.msg, dir));
		assert_non_null(strstr(err.msg, "company-01.csv"));
		assert_int_equal(chmod(dir, 0700), 0);
	}

	/* bad counts and options are usage errors, and create nothing */
	assert_int_equal(ayni_sample_companies(dir, 0, &base, &err),
	    AYNI_EUSAGE);
	assert_int_equal(ayni_sample_companies(dir,
	    AYNI_SAMPLE_MAX_COMPANIES + 1, &base, &err), AYNI_EUSAGE);
	base.days = 0;
	assert_int_equal(ayni_sample_companies(dir, 2, &base, &err),
	    AYNI_EUSAGE);
	assert_int_equal(access(path, F_OK), -1);
	remove_tree(dir, 0);
	free(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_header_and_defaults),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_row_count),
		cmocka_unit_test(test_opening_days),
		cmocka_unit_test(test_content_every_profile),
		cmocka_unit_test(test_kg_and_quoting),
		cmocka_unit_test(test_bad_options),
		cmocka_unit_test(test_write_error),
		cmocka_unit_test(test_companies),
		cmocka_unit_test(test_companies_cannot_create),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

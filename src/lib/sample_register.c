/*
 * sample_register.c - synthetic SII sales registers (Registro de Compras y
 * Ventas), the file every Chilean company's accountant downloads each
 * month: one row per tax document, no products (docs/contract.md §5
 * "Document-level files", §8 "ayni sample").
 *
 * A month is written in date order from a stream seeded by the client and
 * the month, so any month of any client can be written alone and comes
 * out the same.  What a register looks like, column by column, is in
 * include/ayni/sample.h.  What it does not try to be: a faithful tax
 * record (no boletas summary section, no IVA withholding, no other taxes).
 */
#include <assert.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ayni/intl.h"
#include "ayni/calendar.h"
#include "ayni/outfile.h"
#include "ayni/rut.h"
#include "ayni/sample.h"
#include "rng.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static const char header[] =
    "Nro;Tipo Doc;Tipo Venta;Rut cliente;Razon Social;Folio;Fecha Docto;"
    "Fecha Recepcion;Fecha Acuse Reclamo;Fecha Reclamo;Monto Exento;"
    "Monto Neto;Monto IVA;Monto total;IVA Retenido Total;"
    "IVA Retenido Parcial;IVA no retenido;IVA propio;IVA Terceros;"
    "RUT Emisor Liquid. Factura;Neto Comision Liquid. Factura;"
    "Exento Comision Liquid. Factura;IVA Comision Liquid. Factura;"
    "IVA fuera de plazo;Tipo Docto. Referencia;Folio Docto. Referencia";

/* Document types and their share of a month's rows, in per mille. */
static const struct {
	int	type;
	int	permille;
} mix[] = {
	{ 33, 720 },	/* factura electrónica */
	{ 34, 50 },	/* factura no afecta o exenta */
	{ 110, 30 },	/* factura de exportación */
	{ 61, 80 },	/* nota de crédito */
	{ 56, 30 },	/* nota de débito */
	{ 52, 90 },	/* guía de despacho: not a sale */
};

/* Names in UTF-8; the register's rows are written in Windows-1252. */
static const char *const kinds[] = {
	"Comercial", "Distribuidora", "Inversiones", "Constructora",
	"Servicios", "Importadora", "Agrícola", "Transportes",
	"Sociedad", "Inmobiliaria",
};
static const char *const places[] = {
	"Los Aromos", "Andes", "Peñalolén", "El Roble", "Biobío",
	"Del Pacífico", "Santa Lucía", "Cordillera", "Maipú",
	"Llanquihue", "Atacama", "Ñuble", "Los Copihues", "La Frontera",
};
static const char *const forms[] = {
	"Ltda.", "SpA", "S.A.", "Limitada", "E.I.R.L.",
};
/* Customer RUT bodies: most companies start with 76 or 77, some 96. */
static const long rut_base[] = { 76000000, 77000000, 96500000 };

/*
 * UTF-8 to Windows-1252 in place, for the letters of the tables above
 * (U+00A0 to U+00FF, which are the same code points in both).
 */
static void
to_cp1252(char *s)
{
	unsigned char *r = (unsigned char *)s, *w = r;

	for (; *r != '\0'; r++)
		if ((r[0] == 0xc2 || r[0] == 0xc3) && r[1] >= 0x80 &&
		    r[1] <= 0xbf) {
			*w++ = (unsigned char)(r[0] == 0xc3 ? r[1] + 0x40 :
			    r[1]);
			r++;
		} else
			*w++ = *r;
	*w = '\0';
}

/*
 * The client's n-th customer company: RUT and name (Windows-1252), every
 * month alike.
 */
static void
customer(uint64_t seed, long n, char rut[16], char name[64])
{
	uint64_t h = mix64(seed ^ mix64((uint64_t)n + 0x637573));
	char body[12];

	snprintf(body, sizeof(body), "%ld", rut_base[h % 3] +
	    (long)((h >> 8) % 900000));
	snprintf(rut, 16, "%s-%c", body, ayni_rut_check_digit(body));
	snprintf(name, 64, "%s %s %s", kinds[(h >> 32) % NELEM(kinds)],
	    places[(h >> 40) % NELEM(places)], forms[(h >> 48) % NELEM(forms)]);
	to_cp1252(name);
}

/* Pesos from lo to hi, spread so that small documents are common. */
static int64_t
amount(struct rng *r, int64_t lo, int64_t hi)
{
	int64_t a = (int64_t)rng_below(r, 1000000), x;

	/* (a / 10^6)^3: a cubic skew toward lo, in integers */
	x = a * a / 1000000 * a / 1000000;
	return lo + (hi - lo) * x / 1000000;
}

static int
draw_type(struct rng *r)
{
	int x = (int)rng_below(r, 1000), acc = 0;
	size_t i;

	for (i = 0; i < NELEM(mix); i++)
		if (x < (acc += mix[i].permille))
			return mix[i].type;
	return 33;
}

void
ayni_register_options_init(ayni_register_options *opt)
{
	memset(opt, 0, sizeof(*opt));
	opt->seed = 1;
	opt->year = 2025;
	opt->month = 10;
	opt->documents = 60;
}

/* A factura of the month, for notes to refer to. */
struct issued {
	long	folio;
	int64_t	neto, exento;
	long	customer;
};

struct month {
	const ayni_register_options *o;
	FILE		*out;
	ayni_register_stats *st;
	struct rng	 r;
	int		 mdays;
	long		 folio[4];	/* next folio: 33/34/110, 61, 56, 52 */
	struct issued	*facturas;	/* one per row, at most */
	long		 nfacturas;
	long		 customers;	/* the pool's size */
};

static int
folio_slot(int type)
{
	return type == 61 ? 1 : type == 56 ? 2 : type == 52 ? 3 : 0;
}

/* One row; returns 0 or AYNI_EIO. */
static int
write_row(struct month *m, long nro, int type, int day, long cust,
    int64_t exento, int64_t neto, const struct issued *ref,
    ayni_error *err)
{
	char rut[16], name[64];
	int64_t iva = type == 110 ? 0 : (neto * 19 + 50) / 100;
	long folio = m->folio[folio_slot(type)]++;
	int hh = 8 + (int)rng_below(&m->r, 11), mm = (int)rng_below(&m->r, 60);

	customer(m->o->seed, cust, rut, name);
	if (fprintf(m->out, "%ld;%d;Del Giro;%s;%s;%ld;%02d/%02d/%04d;"
	    "%02d/%02d/%04d %02d:%02d:%02d;;;%" PRId64 ";%" PRId64 ";%" PRId64
	    ";%" PRId64 ";0;0;0;0;0;;0;0;0;0;", nro, type, rut, name, folio,
	    day, m->o->month, m->o->year, day, m->o->month, m->o->year, hh, mm,
	    (int)rng_below(&m->r, 60), exento, neto, iva, exento + neto + iva)
	    < 0 || (ref != NULL ? fprintf(m->out, "33;%ld\r\n", ref->folio) :
	    fprintf(m->out, ";\r\n")) < 0)
		return ayni_error_set(err, AYNI_EIO, _("cannot write the "
		    "register"));
	if (type == 33)
		m->facturas[m->nfacturas++] = (struct issued){ folio, neto,
		    exento, cust };
	if (m->st != NULL) {
		m->st->rows++;
		m->st->guides += type == 52;
		m->st->credit_notes += type == 61;
		m->st->debit_notes += type == 56;
		if (type != 52)
			m->st->net += type == 61 ? -(neto + exento) :
			    neto + exento;
	}
	return 0;
}

/* The row of document number nro, on day. */
static int
document(struct month *m, long nro, int day, ayni_error *err)
{
	int type = draw_type(&m->r);
	long cust = (long)rng_below(&m->r, (uint32_t)m->customers);
	const struct issued *ref = NULL;
	int64_t neto = 0, exento = 0;

	/* a note needs an earlier factura of the month to refer to */
	if ((type == 61 || type == 56) && m->nfacturas == 0)
		type = 33;
	switch (type) {
	case 33:
	case 52:
		neto = amount(&m->r, 15000, 4000000);
		if (type == 33 && rng_below(&m->r, 10) == 0)
			exento = amount(&m->r, 1000, 300000);
		break;
	case 34:
	case 110:
		exento = amount(&m->r, 20000, 6000000);
		break;
	case 61:	/* part or all of an earlier factura, given back */
		ref = &m->facturas[rng_below(&m->r, (uint32_t)m->nfacturas)];
		cust = ref->customer;
		neto = ref->neto * (10 + rng_below(&m->r, 91)) / 100;
		exento = ref->exento * (rng_below(&m->r, 2) ? 100 : 0) / 100;
		break;
	case 56:	/* interest or a price correction */
		ref = &m->facturas[rng_below(&m->r, (uint32_t)m->nfacturas)];
		cust = ref->customer;
		neto = amount(&m->r, 1000, 80000);
		break;
	}
	return write_row(m, nro, type, day, cust, exento, neto, ref, err);
}

int
ayni_register_write(FILE *out, ayni_register_stats *stats,
    const ayni_register_options *o, ayni_error *err)
{
	struct month m;
	long mi, n, i;
	int rc = 0;

	assert(out != NULL && o != NULL);
	if (o->year < 2000 || o->year > 2100 || o->month < 1 ||
	    o->month > 12)
		return ayni_error_set(err, AYNI_EUSAGE, _("invalid month "
		    "'%04d-%02d': expected 2000-01 to 2100-12"), o->year,
		    o->month);
	if (o->documents < 1 || o->documents > AYNI_REGISTER_MAX_DOCUMENTS)
		return ayni_error_set(err, AYNI_EUSAGE, _("invalid number of "
		    "documents '%d': expected 1 to %d"), o->documents,
		    AYNI_REGISTER_MAX_DOCUMENTS);
	memset(&m, 0, sizeof(m));
	if ((m.facturas = calloc((size_t)o->documents,
	    sizeof(*m.facturas))) == NULL)
		return ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
	m.o = o;
	m.out = out;
	m.st = stats;
	if (stats != NULL)
		memset(stats, 0, sizeof(*stats));
	mi = (long)(o->year - 2000) * 12 + o->month - 1;
	rng_seed(&m.r, o->seed, (uint64_t)mi, 0x524356);
	m.mdays = (int)(ayni_days_from_civil(o->month == 12 ? o->year + 1 :
	    o->year, o->month == 12 ? 1 : o->month + 1, 1) -
	    ayni_days_from_civil(o->year, o->month, 1));
	/* folios rise month after month: a month uses at most n of each */
	n = o->documents;
	for (i = 0; i < 4; i++)
		m.folio[i] = 1 + (i + 1) * 100 + mi * n;
	m.customers = n / 4 < 5 ? 5 : n / 4;
	if (fprintf(out, "%s\r\n", header) < 0)
		rc = ayni_error_set(err, AYNI_EIO, _("cannot write the "
		    "register"));
	for (i = 0; rc == 0 && i < n; i++)
		rc = document(&m, i + 1, 1 + (int)(i * m.mdays / n), err);
	if (rc == 0 && (fflush(out) != 0 || ferror(out)))
		rc = ayni_error_set(err, AYNI_EIO, _("cannot write the "
		    "register"));
	free(m.facturas);
	return rc;
}

/* Relative sizes of an accountant's clients, by index. */
static const int client_size_pct[10] = {
	100, 35, 220, 60, 140, 20, 80, 300, 45, 55
};

/* The RUT of client i given those of clients 1 .. i-1 in ruts. */
static uint64_t
client_rut(uint64_t seed, int i, char ruts[][16])
{
	char body[12];
	uint64_t h;
	int j;

	for (h = mix64(seed ^ mix64((uint64_t)i + 0x636c69));; h = mix64(h)) {
		snprintf(body, sizeof(body), "%ld",
		    76000000 + (long)(h % 3000000));
		snprintf(ruts[i - 1], 16, "%s-%c", body,
		    ayni_rut_check_digit(body));
		for (j = 0; j < i - 1; j++)
			if (strcmp(ruts[j], ruts[i - 1]) == 0)
				break;
		if (j == i - 1)	/* no earlier client has it */
			return h;
	}
}

int
ayni_register_client_get(ayni_register_client *out, uint64_t seed, int index,
    ayni_error *err)
{
	char (*ruts)[16];
	uint64_t h = 0;
	int i;

	if (index < 1 || index > AYNI_SAMPLE_MAX_COMPANIES)
		return ayni_error_set(err, AYNI_EUSAGE,
		    _("invalid company number '%d': expected 1 to %d"), index,
		    AYNI_SAMPLE_MAX_COMPANIES);
	if ((ruts = calloc((size_t)index, sizeof(*ruts))) == NULL)
		return ayni_error_set(err, AYNI_ENOMEM, _("out of memory"));
	for (i = 1; i <= index; i++)
		h = client_rut(seed, i, ruts);
	snprintf(out->rut, sizeof(out->rut), "%s", ruts[index - 1]);
	free(ruts);
	h = mix64(h);
	snprintf(out->name, sizeof(out->name), "%s %s %s",
	    kinds[h % NELEM(kinds)], places[(h >> 16) % NELEM(places)],
	    forms[(h >> 32) % NELEM(forms)]);
	out->industry = index % 2 ? "services" : "retail";
	return 0;
}

int
ayni_register_client_options(ayni_register_options *out,
    const ayni_register_options *base, int index, ayni_error *err)
{
	long n;

	if (index < 1 || index > AYNI_SAMPLE_MAX_COMPANIES)
		return ayni_error_set(err, AYNI_EUSAGE,
		    _("invalid company number '%d': expected 1 to %d"), index,
		    AYNI_SAMPLE_MAX_COMPANIES);
	*out = *base;
	out->seed = mix64(base->seed ^ mix64((uint64_t)index + 0x726567));
	n = (long)base->documents * client_size_pct[(index - 1) % 10] / 100;
	out->documents = n < 1 ? 1 : n > AYNI_REGISTER_MAX_DOCUMENTS ?
	    AYNI_REGISTER_MAX_DOCUMENTS : (int)n;
	return 0;
}

void
ayni_register_month(ayni_register_options *out,
    const ayni_register_options *base, int k)
{
	int m = base->year * 12 + base->month - 1 + k;

	*out = *base;
	out->year = m / 12;
	out->month = m % 12 + 1;
}

void
ayni_register_file_name(char *path, size_t len, const char *dir,
    const ayni_register_client *c, const ayni_register_options *month)
{
	snprintf(path, len, "%s/RCV_VENTA_%s_%04d%02d.csv", dir, c->rut,
	    month->year, month->month);
}

/* One client's month into its file, all or nothing. */
static int
register_file(const char *dir, const ayni_register_client *c,
    const ayni_register_options *o, ayni_error *err)
{
	char path[4096];
	ayni_outfile *of;
	int rc;

	ayni_register_file_name(path, sizeof(path), dir, c, o);
	if (strlen(path) + 1 >= sizeof(path))
		return ayni_error_set(err, AYNI_ECANTCREAT, _("cannot create a "
		    "file in '%.200s': path too long"), dir);
	if ((rc = ayni_outfile_open(&of, path, 0644, NULL, err)) != 0)
		return rc;
	if ((rc = ayni_register_write(ayni_outfile_fp(of), NULL, o,
	    err)) != 0) {
		ayni_outfile_abort(of);
		return rc;
	}
	return ayni_outfile_commit(of, err);
}

int
ayni_register_files(const char *dir, int count, int months,
    const ayni_register_options *base, ayni_error *err)
{
	ayni_register_options co, mo, last;
	ayni_register_client c;
	int i, k, rc;

	if (count < 1 || count > AYNI_SAMPLE_MAX_COMPANIES)
		return ayni_error_set(err, AYNI_EUSAGE,
		    _("invalid number of companies '%d': expected 1 to %d"),
		    count, AYNI_SAMPLE_MAX_COMPANIES);
	if (months < 1 || months > AYNI_REGISTER_MAX_MONTHS)
		return ayni_error_set(err, AYNI_EUSAGE,
		    _("invalid number of months '%d': expected 1 to %d"), months,
		    AYNI_REGISTER_MAX_MONTHS);
	/* refuse a range past the generator's before creating anything */
	ayni_register_month(&last, base, months - 1);
	if (base->year < 2000 || base->month < 1 || base->month > 12 ||
	    last.year > 2100)
		return ayni_error_set(err, AYNI_EUSAGE, _("invalid months "
		    "'%04d-%02d' + %d: expected 2000-01 to 2100-12"),
		    base->year, base->month, months);
	for (i = 1; i <= count; i++) {
		if ((rc = ayni_register_client_get(&c, base->seed, i,
		    err)) != 0 ||
		    (rc = ayni_register_client_options(&co, base, i,
		    err)) != 0)
			return rc;
		for (k = 0; k < months; k++) {
			ayni_register_month(&mo, &co, k);
			if ((rc = register_file(dir, &c, &mo, err)) != 0)
				return rc;
		}
	}
	return 0;
}

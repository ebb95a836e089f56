/*
 * sample.h - deterministic synthetic sales exports of Chilean shops, for the
 * demo, the tests and the benchmarks (docs/contract.md §8 "ayni sample").
 *
 * The generator writes CSV in the dialect of a real Chilean point-of-sale
 * export (see ayni_sample_write below) to a FILE * the caller owns; the same
 * options and seed give the same bytes on every machine.  It deliberately
 * knows nothing about the database or the upload path: it only produces
 * files that the upload must read with no flags.
 */
#ifndef AYNI_SAMPLE_H
#define AYNI_SAMPLE_H

#include <stdint.h>
#include <stdio.h>

#include "ayni/error.h"

/* Limits checked by ayni_sample_write(); beyond them is a usage error. */
#define AYNI_SAMPLE_MAX_ROWS		100000000L	/* ~10 GB of CSV */
#define AYNI_SAMPLE_MAX_DAYS		3660		/* ten years */
#define AYNI_SAMPLE_MAX_COMPANIES	999

/*
 * If you add a field here, also update ayni_sample_options_init(),
 * check_options() in src/lib/sample.c and the "ayni sample" usage.
 */
typedef struct ayni_sample_options {
	long		 rows;		/* data lines (exact); default 1000 */
	uint64_t	 seed;		/* default 1 */
	const char	*from;		/* first day YYYY-MM-DD; NULL: 2025-01-01 */
	int		 days;		/* default 90 */
	int		 profile;	/* kind of shop, see below; default 0 */
} ayni_sample_options;

/*
 * What was written, so that tests can compare the tool's aggregates against
 * the generator's own bookkeeping.  Returns are subtracted, as docs/contract.md
 * §6 does.
 */
typedef struct ayni_sample_stats {
	long		 lines;		/* data lines, header excluded */
	long		 documents;	/* distinct "N° doc. venta" */
	long		 return_lines;	/* lines of "Nota de crédito" documents */
	int64_t		 revenue;	/* Σ Total neto, pesos */
	int64_t		 units_milli;	/* Σ Cantidad × 1000 */
	int64_t		 cost;		/* Σ Total costo over lines with a cost */
	int64_t		 discount;	/* Σ Total descuento (returns carry none) */
} ayni_sample_stats;

void	ayni_sample_options_init(ayni_sample_options *opt);

/*
 * Shop profiles: 0 minimarket, 1 panaderia, 2 ferreteria, 3 farmacia,
 * 4 cafe, 5 botilleria.  The industry is a docs/contract.md §4 code ("retail",
 * "food", ...) for "ayni company add --industry".  Both return NULL out of
 * range.
 */
int	ayni_sample_profile_count(void);
const char *ayni_sample_profile_name(int profile);
const char *ayni_sample_profile_industry(int profile);

/*
 * Write one shop's export: a header and exactly opt->rows data lines.
 *
 * Dialect: UTF-8 without BOM, ';' delimiter, LF line ends, RFC 4180 quoting
 * (only fields holding ';', ',', '"' or a newline are quoted: the writer's
 * rule, ayni_csv_quote, whose leading or trailing space never occurs in
 * generated text), dates
 * "dd-mm-yyyy HH:MM", money in integer pesos without thousands separators,
 * quantities with a decimal comma ("1,088" kg, "2,5" m, "3" units).
 * Columns:
 *	Fecha venta;N° doc. venta;Método pago;Tipo documento;Nombre cliente;
 *	SKU;Nombre;Categoría;Tipo unidad;Cantidad;Costo unitario;Total costo;
 *	Precio unitario;Total neto;Total descuento;Total comisión;
 *	Utilidad aprox.
 * Total neto = round(Precio unitario × Cantidad) − Total descuento and
 * Utilidad aprox. = Total neto − Total costo − Total comisión.  Returns are
 * separate documents whose Método pago is "Nota de crédito", with positive
 * amounts.  Products without a cost leave Costo unitario, Total costo and
 * Utilidad aprox. empty.
 *
 * stats may be NULL.  Errors: AYNI_EUSAGE for bad options, AYNI_EIO when a
 * write fails, AYNI_ENOMEM.
 */
int	ayni_sample_write(FILE *out, ayni_sample_stats *stats,
	    const ayni_sample_options *opt, ayni_error *err);

/*
 * The options of company number index (1-based) of a --companies run:
 * the profiles of base's industry in turn and a seed derived from base and
 * index, rows scaled by a size factor (so a run mixes micro and larger
 * shops of one industry, as a benchmark compares).  Lets a caller know which
 * profile, hence industry, each file has.
 */
int	ayni_sample_company_options(ayni_sample_options *out,
	    const ayni_sample_options *base, int index, ayni_error *err);

/*
 * Write count files dir/company-01.csv, dir/company-02.csv ... (mode 0644),
 * each through a temporary file renamed into place: a regular file of the
 * name is replaced, a symbolic link or other file is refused
 * (AYNI_ECANTCREAT).  dir must exist.  AYNI_ECANTCREAT names the path
 * that could not be created; a file whose writing failed is removed.
 */
int	ayni_sample_companies(const char *dir, int count,
	    const ayni_sample_options *base, ayni_error *err);


/*
 * The SII sales register (Registro de Compras y Ventas, "detalle" of
 * sales) of one company for one month, as an accountant downloads it:
 * RCV_VENTA_<RUT>_<YYYYMM>.csv, ';'-separated, Windows-1252, CRLF, one row
 * per tax document with "Nro;Tipo Doc;Tipo Venta;Rut cliente;Razon Social;
 * Folio;Fecha Docto;...;Monto Exento;Monto Neto;Monto IVA;Monto total;...;
 * Tipo Docto. Referencia;Folio Docto. Referencia".
 *
 * Documents: facturas (33, some with an exempt part), facturas exentas
 * (34), export invoices (110), notas de credito (61) and debito (56) that
 * reference an earlier factura of the month by type and folio, and guias
 * de despacho (52), which are not sales.  Folios rise month after month
 * per document type; customers are companies with valid RUTs, some
 * returning every month.
 */
typedef struct ayni_register_options {
	uint64_t	 seed;		/* default 1 */
	int		 year, month;	/* default 2025-10 */
	int		 documents;	/* rows, about; default 60 */
} ayni_register_options;

#define AYNI_REGISTER_MAX_DOCUMENTS	100000

/* What one register holds, for tests: amounts in pesos. */
typedef struct ayni_register_stats {
	long		 rows;		/* data rows */
	long		 guides;	/* type 52: not sales */
	long		 credit_notes;	/* type 61 */
	long		 debit_notes;	/* type 56 */
	int64_t		 net;		/* sum of Monto Neto + Monto Exento, a
					   credit note subtracting, guides
					   left out */
} ayni_register_stats;

void	ayni_register_options_init(ayni_register_options *opt);

/* Write one month's register; stats may be NULL.  Errors as above. */
int	ayni_register_write(FILE *out, ayni_register_stats *stats,
	    const ayni_register_options *opt, ayni_error *err);

/*
 * Client number index (1-based) of an accountant's run whose base seed is
 * seed: its RUT (canonical, "76123456-0"), its name and its industry
 * (docs/contract.md §4 codes; half "services", half "retail", so that
 * twenty clients make two benchmarks), and the options of its month.
 */
typedef struct ayni_register_client {
	char		 rut[16];
	char		 name[64];
	const char	*industry;
} ayni_register_client;

int	ayni_register_client_get(ayni_register_client *out, uint64_t seed,
	    int index, ayni_error *err);
int	ayni_register_client_options(ayni_register_options *out,
	    const ayni_register_options *base, int index, ayni_error *err);

/*
 * An accountant's folder: for clients 1 .. count and months base's month
 * and the months - 1 after it, dir/RCV_VENTA_<RUT>_<YYYYMM>.csv as the
 * SII names them (written as ayni_sample_companies writes, through a
 * temporary file renamed into place).  The name of client i's file of
 * month k (0-based) into path, for callers that list them.
 */
#define AYNI_REGISTER_MAX_MONTHS	120
int	ayni_register_files(const char *dir, int count, int months,
	    const ayni_register_options *base, ayni_error *err);
void	ayni_register_file_name(char *path, size_t len, const char *dir,
	    const ayni_register_client *c, const ayni_register_options *month);
/* base moved k months on (year and month only). */
void	ayni_register_month(ayni_register_options *out,
	    const ayni_register_options *base, int k);

#endif /* AYNI_SAMPLE_H */

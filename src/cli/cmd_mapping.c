/*
 * cmd_mapping.c - 'ayni mapping save|list|show|remove': a company's saved
 * column mappings (docs/contract.md §5), which 'ayni upload --mapping NAME' (or
 * the default one) applies to a file's headers.
 *
 * Whoever may upload may say how files are read (save, remove need
 * "upload"); anyone who may view may read the mappings.  A mapping is
 * configuration, not sales data, so csv and json need no "export".
 * Validation and storage are in src/lib/mapping.c; this file only turns
 * options into an ayni_mapping and says on stderr what changed.
 */
#include <limits.h>
#include <string.h>

#include "ayni/mapping.h"
#include "cli.h"

static const struct opt_spec save_opts[] = {
	{ .name = "map", .kind = OPT_STR, .repeatable = 1,
	    .argname = "FIELD=HEADER",
	    .help = N_("the file's column HEADER feeds FIELD (in_dt ...); repeat") },
	{ .name = "date-format", .kind = OPT_STR, .argname = "FMT",
	    .help = N_("dates read as FMT, e.g. %d/%m/%Y") },
	{ .name = "decimal", .kind = OPT_STR, .argname = "C",
	    .help = N_("decimal mark: ',' or '.'") },
	{ .name = "encoding", .kind = OPT_STR, .argname = "ENC",
	    .help = N_("utf-8, latin1, windows-1252, utf-16le/be") },
	{ .name = "delimiter", .kind = OPT_STR, .argname = "C",
	    .help = N_("field separator: , ; | or tab") },
	{ .name = "returns", .kind = OPT_STR, .argname = "REGEX",
	    .help = N_("return markers in the type columns, instead of the built-in") },
	{ .name = "default", .kind = OPT_FLAG,
	    .help = N_("make it the company's default: used when an upload names none") },
	{ .name = "from-upload", .kind = OPT_INT, .argname = "ID",
	    .min = 1, .max = LLONG_MAX,
	    .help = N_("start from what upload ID found: "
	    "its columns, encoding, delimiter, decimal mark") },
	{ .name = NULL }
};

/* Copy a NAME argument into m; too long is refused, never truncated. */
static int
set_name(struct cmd_ctx *ctx, ayni_mapping *m)
{
	const char *name = ctx->o.args[0];

	if (strlen(name) > AYNI_MAPPING_NAME_MAX)
		return ayni_error_set(&ctx->err, AYNI_EUSAGE,
		    _("mapping name '%.20s...' is too long: at most %d bytes"),
		    name, AYNI_MAPPING_NAME_MAX);
	memcpy(m->name, name, strlen(name) + 1);
	return 0;
}

static int
cmd_mapping_save(struct cmd_ctx *ctx)
{
	static const struct {
		const char *opt;
		int (*set)(ayni_mapping *, const char *, ayni_error *);
	} opts[] = {
		{ "date-format", ayni_mapping_set_date_format },
		{ "decimal", ayni_mapping_set_decimal },
		{ "encoding", ayni_mapping_set_encoding },
		{ "delimiter", ayni_mapping_set_delimiter },
		{ "returns", ayni_mapping_set_returns },
	};
	ayni_mapping m = { 0 };
	ayni_mapping_saved saved;
	const char *const *pairs;
	const char *v;
	size_t k;
	int i, n, rc;

	if ((rc = set_name(ctx, &m)) != 0)
		return rc;
	n = opt_list(ctx, "map", &pairs);
	for (i = 0; i < n; i++)
		if ((rc = ayni_mapping_add_pair(&m, pairs[i], &ctx->err)) != 0)
			goto out;
	for (k = 0; k < sizeof(opts) / sizeof(opts[0]); k++)
		if ((v = opt_get(ctx, opts[k].opt)) != NULL &&
		    (rc = opts[k].set(&m, v, &ctx->err)) != 0)
			goto out;
	/* What the options said wins over what the upload found. */
	if (opt_has(ctx, "from-upload") && (rc = ayni_mapping_from_upload(
	    ctx->db, ctx->company.company_id, opt_int(ctx, "from-upload", 0),
	    &m, &ctx->err)) != 0)
		goto out;
	m.is_default = opt_has(ctx, "default") > 0;

	if ((rc = ayni_mapping_save(ctx->db, ctx->company.company_id, &m,
	    &saved, &ctx->err)) != 0)
		goto out;
	cli_note(ctx, saved.replaced ? _("mapping '%s' updated") :
	    _("mapping '%s' saved"), m.name);
	if (saved.prev_default[0] != '\0')
		cli_note(ctx, _("mapping '%s' is no longer the default"),
		    saved.prev_default);
	else if (saved.was_default && !m.is_default)
		cli_note(ctx, _("mapping '%s' is no longer the default: the "
		    "company has none (add --default to keep it)"), m.name);
out:
	ayni_mapping_release(&m);
	return rc;
}

static int
cmd_mapping_list(struct cmd_ctx *ctx)
{
	ayni_writer *w;
	int rc;

	if ((rc = cli_writer(ctx, AYNI_WRITER_LIST, ayni_mapping_list_columns,
	    ayni_mapping_list_ncolumns, &w)) != 0)
		return rc;
	rc = ayni_mapping_list(ctx->db, ctx->company.company_id, w, &ctx->err);
	if (rc == 0)
		rc = ayni_writer_finish(w, &ctx->err);
	ayni_writer_free(w);
	return rc;
}

static int
cmd_mapping_show(struct cmd_ctx *ctx)
{
	ayni_mapping m;
	ayni_writer *w = NULL;
	int rc;

	/* Before the writer: a missing mapping prints nothing on stdout. */
	if ((rc = ayni_mapping_get(ctx->db, ctx->company.company_id,
	    ctx->o.args[0], &m, &ctx->err)) != 0)
		return rc;
	if ((rc = cli_writer(ctx, AYNI_WRITER_LIST, ayni_mapping_show_columns,
	    ayni_mapping_show_ncolumns, &w)) == 0 &&
	    (rc = ayni_mapping_write(&m, w, &ctx->err)) == 0)
		rc = ayni_writer_finish(w, &ctx->err);
	ayni_writer_free(w);
	ayni_mapping_release(&m);
	return rc;
}

static int
cmd_mapping_remove(struct cmd_ctx *ctx)
{
	const char *name = ctx->o.args[0];
	int rc, was_default;

	if ((rc = ayni_mapping_remove(ctx->db, ctx->company.company_id, name,
	    &was_default, &ctx->err)) == 0)
		cli_note(ctx, was_default ? _("mapping '%s' removed; the "
		    "company has no default mapping now") :
		    _("mapping '%s' removed"), name);
	return rc;
}

#define SCOPED	(CMD_DB | CMD_AUTH | CMD_COMPANY)

/* Verbs in the order of ayni-mapping(1)'s SYNOPSIS. */
const struct cmd_entry cmd_mapping_cmds[] = {
	{ "save", cmd_mapping_save, SCOPED, AYNI_PERM_UPLOAD, save_opts,
	    "NAME", 1, 1,
	    N_("save how a source's columns map to fields, replacing NAME") },
	{ "list", cmd_mapping_list, SCOPED, AYNI_PERM_VIEW, NULL, NULL, 0, 0,
	    N_("list the company's saved mappings") },
	{ "show", cmd_mapping_show, SCOPED, AYNI_PERM_VIEW, NULL, "NAME", 1, 1,
	    N_("show a mapping's fields and reading options") },
	{ "remove", cmd_mapping_remove, SCOPED, AYNI_PERM_UPLOAD, NULL,
	    "NAME", 1, 1, N_("delete a saved mapping") },
	{ NULL, NULL, 0, 0, NULL, NULL, 0, 0, NULL }
};

/*
 * case_cli: leerlijn-db case-import FILE and case-export ID.
 *
 * The same checks and the same database function as the API's
 * POST /api/v1/case/packages (case_package.c, case_import()).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <libpq-fe.h>

#include "case_cli.h"
#include "case/case_level.h"
#include "case/case_package.h"
#include "core/params.h"
#include "core/strbuf.h"

#define CASE_FILE_MAX	(256 * 1024 * 1024)

static int
exec_ok(PGconn *c, const char *sql)
{
	PGresult	*r;
	int		 ok;

	r = PQexec(c, sql);
	ok = PQresultStatus(r) == PGRES_COMMAND_OK;
	if (!ok)
		fprintf(stderr, "leerlijn-db: %s failed: %s", sql,
		    PQerrorMessage(c));
	PQclear(r);
	return (ok);
}

/*
 * Run sql with base and arg; the one-row result, or NULL after printing
 * why.  The caller frees the result with PQclear.
 */
static PGresult *
query_one(PGconn *c, const char *sql, const char *base, const char *arg,
    const char *what)
{
	PGresult	*r;
	const char	*params[2] = { base, arg };

	r = PQexecParams(c, sql, 2, NULL, params, NULL, NULL, 0);
	if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1) {
		fprintf(stderr, "leerlijn-db: %s failed: %s", what,
		    PQerrorMessage(c));
		PQclear(r);
		return (NULL);
	}
	return (r);
}

static void
print_errors(const json_t *errors)
{
	json_t	*x;
	size_t	 i;

	json_array_foreach(errors, i, x)
		fprintf(stderr, "  %s: %s\n",
		    json_string_value(json_object_get(x, "field")),
		    json_string_value(json_object_get(x, "message")));
}

int
case_cli_import(PGconn *c, const char *base, const char *file)
{
	struct strbuf		 b;
	struct case_errors	*e;
	json_error_t		 jerr;
	json_t			*pkg, *result;
	PGresult		*r;
	const char		*status;
	char			*text;
	size_t			 i;
	int			 rc, in_tx;

	rc = 1;
	in_tx = 0;
	pkg = result = NULL;
	text = NULL;
	r = NULL;
	strbuf_init(&b);
	if ((e = calloc(1, sizeof(*e))) == NULL)
		goto out;
	if (strbuf_read_file(&b, file, CASE_FILE_MAX) == -1) {
		fprintf(stderr, "leerlijn-db: cannot read %s: %s\n", file,
		    strerror(errno));
		goto out;
	}
	if ((pkg = json_loadb(b.data, b.len, JSON_REJECT_DUPLICATES,
	    &jerr)) == NULL) {
		fprintf(stderr, "leerlijn-db: %s is not valid JSON (line %d, "
		    "column %d): %s\n", file, jerr.line, jerr.column, jerr.text);
		goto out;
	}
	if (case_package_check(pkg, e) > 0) {
		fprintf(stderr, "leerlijn-db: %s is not a valid CASE 1.0 "
		    "CFPackage (%zu problem(s)):\n", file, e->total);
		for (i = 0; i < e->n; i++)
			fprintf(stderr, "  %s: %s\n", e->e[i].path[0] != '\0' ?
			    e->e[i].path : "package", e->e[i].message);
		goto out;
	}
	if (case_package_prepare(pkg) == -1 ||
	    (text = json_dumps(pkg, JSON_COMPACT)) == NULL)
		goto out;
	if (!exec_ok(c, "BEGIN"))
		goto out;
	in_tx = 1;
	if ((r = query_one(c, "SELECT case_import($1, $2::jsonb)::text", base,
	    text, "case import")) == NULL)
		goto out;
	if ((result = json_loads(PQgetvalue(r, 0, 0), 0, NULL)) == NULL)
		goto out;
	status = json_string_value(json_object_get(result, "status"));
	if (status == NULL || strcmp(status, "ok") != 0) {
		fprintf(stderr, "leerlijn-db: import of %s refused (%s); "
		    "nothing changed:\n", file, status ? status : "?");
		print_errors(json_object_get(result, "errors"));
		goto out;
	}
	in_tx = 0;
	if (!exec_ok(c, "COMMIT"))
		goto out;
	json_object_del(result, "status");
	if (json_dumpf(result, stdout, JSON_INDENT(2)) == -1)
		goto out;
	printf("\n");
	rc = 0;
out:
	if (in_tx)
		(void)exec_ok(c, "ROLLBACK");
	PQclear(r);
	json_decref(pkg);
	json_decref(result);
	free(text);
	free(e);
	strbuf_free(&b);
	return (rc);
}

int
case_cli_export(PGconn *c, const char *base, const char *id)
{
	PGresult	*r;
	json_t		*doc;
	int		 rc;

	rc = 1;
	doc = NULL;
	if (!param_is_uuid(id)) {
		fprintf(stderr, "leerlijn-db: %s is not a UUID\n", id);
		return (1);
	}
	if ((r = query_one(c, "SELECT case_package($1, $2::uuid)::text", base,
	    id, "case export")) == NULL)
		goto out;
	if (PQgetisnull(r, 0, 0)) {
		fprintf(stderr, "leerlijn-db: no framework %s\n", id);
		goto out;
	}
	if ((doc = json_loads(PQgetvalue(r, 0, 0), 0, NULL)) == NULL ||
	    case_level_fill(doc) == -1 ||
	    json_dumpf(doc, stdout, JSON_COMPACT) == -1)
		goto out;
	printf("\n");
	rc = 0;
out:
	PQclear(r);
	json_decref(doc);
	return (rc);
}

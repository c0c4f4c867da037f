/*
 * seed: load seeds/manifest into the database in one transaction.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "cli/seed.h"
#include "cli/seed_manifest.h"
#include "core/strbuf.h"

#define SEED_FILE_MAX	(64 * 1024 * 1024)

static int
result_ok(PGconn *c, PGresult *r, const char *what)
{
	int	ok;

	ok = PQresultStatus(r) == PGRES_COMMAND_OK ||
	    PQresultStatus(r) == PGRES_TUPLES_OK;
	if (!ok)
		fprintf(stderr, "leerlijn-db: seed %s failed: %s", what,
		    PQerrorMessage(c));
	PQclear(r);
	return (ok);
}

static int
run_entry(PGconn *c, const char *dir, const struct seed_entry *e)
{
	struct strbuf	 b, sql;
	char		 path[4096], *ident;
	const char	*params[1];
	int		 ok;

	ok = 0;
	ident = NULL;
	strbuf_init(&b);
	strbuf_init(&sql);
	(void)snprintf(path, sizeof(path), "%s/%s", dir, e->file);
	if (strbuf_read_file(&b, path, SEED_FILE_MAX) == -1) {
		fprintf(stderr, "leerlijn-db: cannot read %s: %s\n", path,
		    strerror(errno));
		goto out;
	}
	if (e->kind == SEED_SQL) {
		/* Trusted seed text from the repository, not input. */
		ok = result_ok(c, PQexec(c, b.data), e->file);
		goto out;
	}
	if ((ident = PQescapeIdentifier(c, e->function,
	    strlen(e->function))) == NULL)
		goto out;
	if (strbuf_appendf(&sql, "SELECT %s($1::jsonb)", ident) == -1)
		goto out;
	params[0] = b.data;
	ok = result_ok(c, PQexecParams(c, sql.data, 1, NULL, params, NULL,
	    NULL, 0), e->file);
out:
	PQfreemem(ident);
	strbuf_free(&b);
	strbuf_free(&sql);
	return (ok ? 0 : -1);
}

/* Parse dir/name into m; 0, or -1 after printing why. */
static int
load_manifest(struct seed_manifest *m, const char *dir, const char *name)
{
	struct strbuf	 text;
	char		 path[4096], err[256];
	int		 rc;

	rc = -1;
	strbuf_init(&text);
	(void)snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (strbuf_read_file(&text, path, 1024 * 1024) == -1) {
		fprintf(stderr, "leerlijn-db: cannot read %s: %s\n", path,
		    strerror(errno));
		goto out;
	}
	if (seed_manifest_parse(m, text.data, err, sizeof(err)) == -1) {
		fprintf(stderr, "leerlijn-db: %s: %s\n", path, err);
		goto out;
	}
	rc = 0;
out:
	strbuf_free(&text);
	return (rc);
}

static int
run_manifest(PGconn *c, const char *dir, const struct seed_manifest *m)
{
	size_t	i;

	for (i = 0; i < m->n; i++) {
		if (run_entry(c, dir, &m->entries[i]) == -1)
			return (-1);
	}
	return (0);
}

int
seed_run(PGconn *c, const char *dir, int development)
{
	struct seed_manifest	*m, *dev;
	size_t			 n;
	int			 rc;

	rc = -1;
	dev = NULL;
	if ((m = calloc(1, sizeof(*m))) == NULL ||
	    (dev = calloc(1, sizeof(*dev))) == NULL)
		goto out;
	if (load_manifest(m, dir, "manifest") == -1)
		goto out;
	if (development &&
	    load_manifest(dev, dir, "manifest.development") == -1)
		goto out;
	if (!result_ok(c, PQexec(c, "BEGIN"), "BEGIN"))
		goto out;
	/* Seeds are reference data, not users' changes: no audit rows. */
	if (!result_ok(c, PQexec(c, "SET LOCAL leerlijn.audit = 'off'"),
	    "SET") || run_manifest(c, dir, m) == -1 ||
	    run_manifest(c, dir, dev) == -1) {
		(void)result_ok(c, PQexec(c, "ROLLBACK"), "ROLLBACK");
		goto out;
	}
	if (!result_ok(c, PQexec(c, "COMMIT"), "COMMIT"))
		goto out;
	n = m->n + dev->n;
	fprintf(stderr, "leerlijn-db: seeds loaded (%zu entries%s)\n", n,
	    development ? ", with the development demo data" : "");
	rc = 0;
out:
	free(m);
	free(dev);
	return (rc);
}

/*
 * db_call: the common ways of calling a prepared statement (db.h) on top
 * of db_exec() and db_text(): for its effect alone, for a boolean or a
 * number, for the fields of one row, and for a page of a list.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "db/db.h"

enum db_result
db_run(struct db_stmt *st, const char *const *params)
{
	PGresult	*r;
	enum db_result	 rc;

	if ((rc = db_exec(st, params, &r)) == DB_OK)
		PQclear(r);
	return (rc);
}

enum db_result
db_bool(struct db_stmt *st, const char *const *params, int *out)
{
	char		*v;
	enum db_result	 rc;

	*out = 0;
	if ((rc = db_text(st, params, &v)) != DB_OK)
		return (rc);
	*out = v != NULL && v[0] == 't';
	free(v);
	return (DB_OK);
}

enum db_result
db_row(struct db_stmt *st, const char *const *params,
    void (*fill)(PGresult *, void *), void *arg)
{
	PGresult	*r;
	enum db_result	 rc;

	if ((rc = db_exec(st, params, &r)) != DB_OK)
		return (rc);
	if (PQntuples(r) == 1)
		fill(r, arg);
	PQclear(r);
	return (DB_OK);
}

static void
int_row(PGresult *r, void *arg)
{
	*(int *)arg = atoi(PQgetvalue(r, 0, 0));
}

enum db_result
db_int(struct db_stmt *st, const char *const *params, int *out)
{
	*out = 0;
	return (db_row(st, params, int_row, out));
}

void
db_copy(char *dst, size_t len, PGresult *r, int col)
{
	(void)utf8_fmt(dst, len, "%s", PQgetvalue(r, 0, col));
}

enum db_result
db_text_page(struct db_stmt *st, const char *const *params, size_t n,
    long limit, long offset, char **out)
{
	const char	*p[DB_PAGE_PARAMS_MAX + 2];
	char		 l[24], o[24];

	*out = NULL;
	if (n > DB_PAGE_PARAMS_MAX)
		return (DB_ERROR);
	if (n > 0)
		memcpy(p, params, n * sizeof(p[0]));
	(void)snprintf(l, sizeof(l), "%ld", limit);
	(void)snprintf(o, sizeof(o), "%ld", offset);
	p[n] = l;
	p[n + 1] = o;
	return (db_text(st, p, out));
}

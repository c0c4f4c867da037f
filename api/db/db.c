/*
 * db: the worker's PostgreSQL connection and prepared statements.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libpq-fe.h>

#include "http/applog.h"
#include "db/catalogue_gen.h"
#include "db/db.h"
#include "core/utf8.h"
#include "db/db_async.h"

/* Do not hammer a database that is down: one attempt per interval. */
#define DB_RETRY_MS	250

static PGconn		*conn;
static char		*conninfo;
static unsigned long	 generation;
static int		 in_transaction;
static long long	 last_attempt_ms;
static struct db_error	 last_error;
static char		 actor[64];	/* user id of the request, or "" */
#define last_sqlstate	 last_error.sqlstate

long long
db_now_ms(void)
{
	struct timespec	ts;

	(void)clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000);
}

const char *
db_conninfo(void)
{
	return (conninfo);
}

void
db_init(const char *dsn)
{
	free(conninfo);
	conninfo = strdup(dsn);
}

static void
db_drop(void)
{
	if (conn != NULL)
		PQfinish(conn);
	conn = NULL;
	in_transaction = 0;
}

void
db_close(void)
{
	db_drop();
	free(conninfo);
	conninfo = NULL;
}

PGconn *
db_connect(const char *dsn, const char *timeout, const char *app,
    long long *last_attempt, long long retry_ms)
{
	/*
	 * The API runs short statements: JIT compilation only costs time
	 * there (hundreds of milliseconds when an estimate is off).
	 */
	const char	*keys[] = { "dbname", "connect_timeout",
			    "application_name", "options", NULL };
	const char	*vals[] = { dsn, timeout, app, "-c jit=off", NULL };
	long long	 now;

	now = db_now_ms();
	if (dsn == NULL || (*last_attempt != 0 &&
	    now - *last_attempt < retry_ms))
		return (NULL);
	*last_attempt = now;
	return (PQconnectdbParams(keys, vals, 1));
}

/* A usable connection, or NULL. */
static PGconn *
db_conn(void)
{
	if (conn != NULL && PQstatus(conn) == CONNECTION_OK)
		return (conn);
	if (conn != NULL) {
		applog(LOG_LVL_WARNING, "database connection lost");
		db_drop();
	}
	if ((conn = db_connect(conninfo, "3", "leerlijn-api",
	    &last_attempt_ms, DB_RETRY_MS)) == NULL)
		return (NULL);
	if (PQstatus(conn) != CONNECTION_OK) {
		applog(LOG_LVL_WARNING, "database unavailable: %s",
		    PQerrorMessage(conn));
		db_drop();
		return (NULL);
	}
	generation++;
	last_attempt_ms = 0;
	applog(LOG_LVL_INFO, "database connected");
	return (conn);
}

static void
copy_field(char *dst, size_t len, PGresult *r, int code)
{
	const char	*v;

	v = r != NULL ? PQresultErrorField(r, code) : NULL;
	(void)utf8_fmt(dst, len, "%s", v != NULL ? v : "");
}

static void
note_error_on(PGconn *c, PGresult *r, const char *what)
{
	char	primary[512];

	memset(&last_error, 0, sizeof(last_error));
	copy_field(last_error.sqlstate, sizeof(last_error.sqlstate), r,
	    PG_DIAG_SQLSTATE);
	copy_field(last_error.constraint, sizeof(last_error.constraint), r,
	    PG_DIAG_CONSTRAINT_NAME);
	copy_field(last_error.table, sizeof(last_error.table), r,
	    PG_DIAG_TABLE_NAME);
	if (strcmp(last_sqlstate, "23502") == 0)
		copy_field(last_error.field, sizeof(last_error.field), r,
		    PG_DIAG_COLUMN_NAME);
	if (strncmp(last_sqlstate, "LL", 2) == 0) {
		/* Our own checks: expected refusals, not faults. */
		copy_field(last_error.field, sizeof(last_error.field), r,
		    PG_DIAG_COLUMN_NAME);
		copy_field(last_error.message, sizeof(last_error.message), r,
		    PG_DIAG_MESSAGE_PRIMARY);
		applog(LOG_LVL_DEBUG, "%s refused (%s): %s", what,
		    last_sqlstate, last_error.message);
		return;
	}
	/*
	 * Only the primary message and the constraint: PostgreSQL's DETAIL
	 * quotes the row's values (e-mail addresses, names), which never
	 * belong in the log.
	 */
	copy_field(primary, sizeof(primary), r, PG_DIAG_MESSAGE_PRIMARY);
	if (r == NULL && c != NULL)
		(void)utf8_fmt(primary, sizeof(primary), "%s",
		    PQerrorMessage(c));
	applog(strncmp(last_sqlstate, "23", 2) == 0 ? LOG_LVL_INFO :
	    LOG_LVL_ERROR, "%s failed (%s)%s%s: %s", what, last_sqlstate,
	    last_error.constraint[0] != '\0' ? " on " : "",
	    last_error.constraint, primary);
}

static void
note_error(PGresult *r, const char *what)
{
	note_error_on(conn, r, what);
}

static enum db_result
classify_on(PGconn *c)
{
	if (c == NULL || PQstatus(c) != CONNECTION_OK)
		return (DB_UNAVAILABLE);
	/* Class 23: integrity constraint violation. */
	if (strncmp(last_sqlstate, "23", 2) == 0)
		return (DB_CONSTRAINT);
	if (strcmp(last_sqlstate, "LL422") == 0)
		return (DB_INVALID);
	if (strcmp(last_sqlstate, "LL412") == 0)
		return (DB_STALE);
	if (strcmp(last_sqlstate, "LL409") == 0)
		return (DB_CONFLICT);
	return (DB_ERROR);
}

static enum db_result
classify(void)
{
	return (classify_on(conn));
}

enum db_result
db_failed(PGconn *c, PGresult *r, const char *what)
{
	memset(&last_error, 0, sizeof(last_error));
	note_error_on(c, r, what);
	return (classify_on(c));
}

static enum db_result
exec_once(struct db_stmt *st, const char *const *params, PGresult **res)
{
	PGresult	*r;
	ExecStatusType	 s;

	if (db_conn() == NULL)
		return (DB_UNAVAILABLE);
	if (st->gen != generation) {
		r = PQprepare(conn, st->name, st->sql, st->nparams, NULL);
		if (PQresultStatus(r) != PGRES_COMMAND_OK) {
			note_error(r, st->name);
			PQclear(r);
			return (classify());
		}
		PQclear(r);
		st->gen = generation;
	}
	r = PQexecPrepared(conn, st->name, st->nparams, params, NULL, NULL, 0);
	s = PQresultStatus(r);
	if (s != PGRES_TUPLES_OK && s != PGRES_COMMAND_OK) {
		note_error(r, st->name);
		PQclear(r);
		return (classify());
	}
	*res = r;
	return (DB_OK);
}

enum db_result
db_exec(struct db_stmt *st, const char *const *params, PGresult **res)
{
	enum db_result	rc;

	*res = NULL;
	memset(&last_error, 0, sizeof(last_error));
	rc = exec_once(st, params, res);
	/*
	 * A connection that died since the last request fails on first use;
	 * a read outside a transaction can safely run again on a new one.
	 */
	if (rc == DB_UNAVAILABLE && st->readonly && !in_transaction &&
	    conn != NULL) {
		db_drop();
		last_attempt_ms = 0;
		rc = exec_once(st, params, res);
	}
	if (rc == DB_UNAVAILABLE && conn != NULL &&
	    PQstatus(conn) != CONNECTION_OK)
		db_drop();
	return (rc);
}

enum db_result
db_text(struct db_stmt *st, const char *const *params, char **out)
{
	PGresult	*r;
	enum db_result	 rc;

	*out = NULL;
	/* A read of a request that waits for its answers (db_async.h). */
	if (st->readonly && !in_transaction && db_async_active())
		return (db_async_text(st, params, out));
	if ((rc = db_exec(st, params, &r)) != DB_OK)
		return (rc);
	if (PQntuples(r) > 0 && PQnfields(r) > 0 && !PQgetisnull(r, 0, 0)) {
		if ((*out = strdup(PQgetvalue(r, 0, 0))) == NULL)
			rc = DB_ERROR;
	}
	PQclear(r);
	return (rc);
}

static enum db_result
simple(const char *sql)
{
	PGresult	*r;
	int		 ok;

	if (db_conn() == NULL)
		return (DB_UNAVAILABLE);
	r = PQexec(conn, sql);
	ok = PQresultStatus(r) == PGRES_COMMAND_OK;
	if (!ok)
		note_error(r, sql);
	PQclear(r);
	return (ok ? DB_OK : classify());
}

void
db_set_actor(const char *user_id)
{
	(void)snprintf(actor, sizeof(actor), "%s",
	    user_id != NULL ? user_id : "");
}

enum db_result
db_begin(void)
{
	const char	*params[1] = { actor };
	PGresult	*r;
	enum db_result	 rc;

	if ((rc = simple("BEGIN")) != DB_OK)
		return (rc);
	in_transaction = 1;
	/* The audit trigger reads the actor of this transaction. */
	r = PQexecParams(conn, "SELECT set_config('leerlijn.actor', $1, true)",
	    1, NULL, params, NULL, NULL, 0);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		note_error(r, "set actor");
		PQclear(r);
		rc = classify();
		db_rollback();
		return (rc);
	}
	PQclear(r);
	return (DB_OK);
}

enum db_result
db_commit(void)
{
	enum db_result	rc;

	rc = simple("COMMIT");
	in_transaction = 0;
	/* The writer reads its own catalogue change at once. */
	catalogue_gen_written();
	return (rc);
}

void
db_rollback(void)
{
	if (conn != NULL && PQstatus(conn) == CONNECTION_OK &&
	    PQtransactionStatus(conn) != PQTRANS_IDLE)
		(void)simple("ROLLBACK");
	in_transaction = 0;
}

int
db_in_transaction(void)
{
	return (in_transaction || (conn != NULL &&
	    PQstatus(conn) == CONNECTION_OK &&
	    PQtransactionStatus(conn) != PQTRANS_IDLE));
}

const char *
db_last_sqlstate(void)
{
	return (last_sqlstate);
}

const struct db_error *
db_last_error(void)
{
	return (&last_error);
}

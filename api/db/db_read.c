/*
 * db_read: heavy read-only statements on a hot standby, with fallback to
 * the primary (db.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "http/applog.h"
#include "db/db_async.h"
#include "db/db_read.h"

/* A standby that is down is tried again after this interval. */
#define READ_RETRY_MS	1000

/*
 * How far the standby is behind, in one text column "lag replayed" (both
 * the synchronous and the asynchronous path run it).  While it streams
 * and has replayed all it received it is current (0), however long ago
 * the primary's last commit was; otherwise the age of its last replayed
 * commit counts (never replayed: "far").  A server that is not in
 * recovery is current.
 */
static struct db_stmt	st_freshness = DB_STMT("read_freshness",
    "SELECT f.lag::text || ' ' || coalesce(f.replayed, '') FROM ("
    "SELECT to_char(pg_last_xact_replay_timestamp() AT TIME ZONE 'UTC', "
    "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS replayed, "
    "CASE WHEN NOT pg_is_in_recovery() THEN 0 "
    "WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() AND "
    "EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE pid IS NOT NULL) "
    "THEN 0 "
    "ELSE coalesce(extract(epoch FROM clock_timestamp() - "
    "pg_last_xact_replay_timestamp())::float8, 1e9) END AS lag) f", 0, 1);

enum read_state {
	READ_NONE = 0,		/* not tried yet */
	READ_STANDBY,		/* reads go to the standby */
	READ_DOWN,		/* the standby is unavailable */
	READ_BEHIND		/* the standby is too far behind */
};

static PGconn		*rconn;
static char		*rinfo;
static unsigned		 max_lag;
static long long	 last_attempt_ms;
static enum read_state	 state;

/* Log a change of state, once. */
static void
enter(enum read_state s, double lag)
{
	if (s == state)
		return;
	state = s;
	switch (s) {
	case READ_STANDBY:
		applog(LOG_LVL_INFO, "reports read from the standby");
		break;
	case READ_DOWN:
		applog(LOG_LVL_WARNING, "standby unavailable: reports read "
		    "from the primary");
		break;
	case READ_BEHIND:
		applog(LOG_LVL_WARNING, "standby %.1f s behind (at most %u): "
		    "reports read from the primary", lag, max_lag);
		break;
	default:
		break;
	}
}

void
db_read_init(const char *dsn, unsigned max_lag_seconds)
{
	db_read_close();
	if (dsn != NULL && *dsn != '\0')
		rinfo = strdup(dsn);
	max_lag = max_lag_seconds;
}

static void
drop(void)
{
	if (rconn != NULL)
		PQfinish(rconn);
	rconn = NULL;
}

void
db_read_close(void)
{
	drop();
	free(rinfo);
	rinfo = NULL;
	state = READ_NONE;
	last_attempt_ms = 0;
}

/* The standby's connection, or NULL (configured none, or it is down). */
static PGconn *
standby(void)
{
	if (rinfo == NULL)
		return (NULL);
	if (rconn != NULL && PQstatus(rconn) == CONNECTION_OK)
		return (rconn);
	drop();
	if ((rconn = db_connect(rinfo, "2", "leerlijn-api-read",
	    &last_attempt_ms, READ_RETRY_MS)) == NULL)
		return (NULL);
	if (PQstatus(rconn) != CONNECTION_OK) {
		applog(LOG_LVL_DEBUG, "standby: %s", PQerrorMessage(rconn));
		drop();
		enter(READ_DOWN, 0);
		return (NULL);
	}
	last_attempt_ms = 0;
	return (rconn);
}

/* A failed statement on the standby: log it, forget a dead connection. */
static void
standby_failed(PGresult *r, const char *what)
{
	const char	*state_text;

	state_text = r != NULL ? PQresultErrorField(r, PG_DIAG_SQLSTATE) :
	    NULL;
	if (PQstatus(rconn) != CONNECTION_OK) {
		drop();
		enter(READ_DOWN, 0);
		return;
	}
	applog(LOG_LVL_WARNING, "standby: %s failed (%s), read from the "
	    "primary", what, state_text != NULL ? state_text : "?");
}

/*
 * Read the answer of st_freshness into f and judge it: 0 when the standby
 * is fit to answer, -1 when it is too far behind (f cleared).
 */
static int
freshness_judge(const char *text, struct db_freshness *f)
{
	char	*end;

	f->lag_seconds = strtod(text, &end);
	if (*end == ' ')
		end++;
	(void)snprintf(f->replayed_at, sizeof(f->replayed_at), "%s", end);
	if (f->lag_seconds > (double)max_lag) {
		enter(READ_BEHIND, f->lag_seconds);
		memset(f, 0, sizeof(*f));
		return (-1);
	}
	enter(READ_STANDBY, f->lag_seconds);
	return (0);
}

/* Is the standby on connection c fit to answer?  Fills f; 0 yes, -1 no. */
static int
standby_fresh(PGconn *c, struct db_freshness *f)
{
	PGresult	*r;
	int		 rc;

	r = PQexec(c, st_freshness.sql);
	if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1) {
		standby_failed(r, "freshness");
		PQclear(r);
		return (-1);
	}
	rc = freshness_judge(PQgetvalue(r, 0, 0), f);
	PQclear(r);
	return (rc);
}

/*
 * db_read_text() while the request's reads are asynchronous (db_async.h):
 * the freshness, then the statement, each on the standby's asynchronous
 * connections; the request sleeps on each (DB_PENDING) and runs again.
 * The primary (db_text(), asynchronous too) when the standby is down,
 * behind or fails the statement.
 */
static enum db_result
read_async(struct db_stmt *st, const char *const *params, char **out,
    struct db_freshness *f)
{
	enum db_result	 rc;
	char		*fresh;
	int		 fit;

	rc = db_async_standby_text(&st_freshness, NULL, &fresh);
	if (rc == DB_PENDING)
		return (rc);
	if (rc != DB_OK || fresh == NULL) {
		free(fresh);
		/* A full queue is no news of the standby (db_async logs it). */
		if (!db_async_queue_full())
			enter(READ_DOWN, 0);
		return (db_text(st, params, out));
	}
	fit = freshness_judge(fresh, f);
	free(fresh);
	if (fit != 0)
		return (db_text(st, params, out));
	if ((rc = db_async_standby_text(st, params, out)) == DB_PENDING)
		return (rc);
	if (rc == DB_OK) {
		f->standby = 1;
		return (DB_OK);
	}
	applog(LOG_LVL_WARNING, "standby: %s failed, read from the primary",
	    st->name);
	free(*out);
	*out = NULL;
	memset(f, 0, sizeof(*f));
	return (db_text(st, params, out));
}

enum db_result
db_read_text(struct db_stmt *st, const char *const *params, char **out,
    struct db_freshness *f)
{
	PGconn		*c;
	PGresult	*r;

	*out = NULL;
	memset(f, 0, sizeof(*f));
	if (rinfo != NULL && db_async_standby_active())
		return (read_async(st, params, out, f));
	if ((c = standby()) != NULL && standby_fresh(c, f) == 0) {
		r = PQexecParams(c, st->sql, st->nparams, NULL, params, NULL,
		    NULL, 0);
		if (PQresultStatus(r) == PGRES_TUPLES_OK) {
			if (PQntuples(r) > 0 && PQnfields(r) > 0 &&
			    !PQgetisnull(r, 0, 0) &&
			    (*out = strdup(PQgetvalue(r, 0, 0))) == NULL) {
				PQclear(r);
				return (DB_ERROR);
			}
			PQclear(r);
			f->standby = 1;
			return (DB_OK);
		}
		standby_failed(r, st->name);
		PQclear(r);
	}
	memset(f, 0, sizeof(*f));
	return (db_text(st, params, out));
}

int
db_freshness_json(const struct db_freshness *f, char *buf, size_t len)
{
	int	n;

	if (f->standby && f->replayed_at[0] != '\0')
		n = snprintf(buf, len, "{\"source\":\"standby\","
		    "\"replayed_at\":\"%s\",\"lag_seconds\":%.3f}",
		    f->replayed_at, f->lag_seconds);
	else
		n = snprintf(buf, len, "{\"source\":\"%s\","
		    "\"replayed_at\":null,\"lag_seconds\":%.3f}",
		    f->standby ? "standby" : "primary", f->lag_seconds);
	return (n < 0 || (size_t)n >= len ? -1 : 0);
}

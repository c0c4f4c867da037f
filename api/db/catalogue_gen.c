/*
 * catalogue_gen: the catalogue generation, from LISTEN/NOTIFY.
 */
#include <stdlib.h>

#include <libpq-fe.h>

#include "db/catalogue_gen.h"
#include "db/db.h"
#include "http/applog.h"

#define RETRY_MS	250	/* one connection attempt per interval */

static PGconn		*conn;
static long long	 generation = -1;
static int		 must_ask;
static long long	 last_attempt_ms;

static void
drop(void)
{
	if (conn != NULL)
		PQfinish(conn);
	conn = NULL;
	generation = -1;
}

void
catalogue_gen_close(void)
{
	drop();
}

/* The generation as PostgreSQL has it now; -1 on failure (dropped). */
static long long
ask(void)
{
	PGresult	*r;
	long long	 g;

	r = PQexec(conn, "SELECT generation FROM catalogue_generation");
	if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1) {
		applog(LOG_LVL_WARNING, "catalogue generation: %s",
		    PQerrorMessage(conn));
		PQclear(r);
		drop();
		return (-1);
	}
	g = atoll(PQgetvalue(r, 0, 0));
	PQclear(r);
	return (g);
}

static int
connect_listen(void)
{
	PGresult	*r;

	if ((conn = db_connect(db_conninfo(), "3", "leerlijn-api-listen",
	    &last_attempt_ms, RETRY_MS)) == NULL)
		return (-1);
	if (PQstatus(conn) != CONNECTION_OK) {
		drop();
		return (-1);
	}
	r = PQexec(conn, "LISTEN leerlijn_catalogue");
	if (PQresultStatus(r) != PGRES_COMMAND_OK) {
		PQclear(r);
		drop();
		return (-1);
	}
	PQclear(r);
	/* Notifications from before LISTEN are lost: ask once. */
	if ((generation = ask()) < 0)
		return (-1);
	last_attempt_ms = 0;
	must_ask = 0;
	return (0);
}

long long
catalogue_gen_current(void)
{
	PGnotify	*n;
	long long	 g;

	if (conn == NULL && connect_listen() == -1)
		return (-1);
	/*
	 * What has arrived, without waiting: libpq's socket never blocks.
	 * A server that shuts down sends an error and then closes: the
	 * second read sees the end of the connection that came with it.
	 */
	if (PQconsumeInput(conn) == 0 || PQstatus(conn) != CONNECTION_OK ||
	    PQconsumeInput(conn) == 0 || PQstatus(conn) != CONNECTION_OK) {
		applog(LOG_LVL_WARNING, "catalogue listener lost: %s",
		    PQerrorMessage(conn));
		drop();
		return (-1);
	}
	while ((n = PQnotifies(conn)) != NULL) {
		g = atoll(n->extra);
		if (g > generation)
			generation = g;
		PQfreemem(n);
	}
	if (must_ask) {
		must_ask = 0;
		if ((g = ask()) < 0)
			return (-1);
		if (g > generation)
			generation = g;
	}
	return (generation);
}

void
catalogue_gen_written(void)
{
	must_ask = 1;
}

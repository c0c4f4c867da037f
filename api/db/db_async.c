/*
 * db_async: read-only statements on non-blocking connections.
 */
#include <sys/queue.h>

#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include <libpq-fe.h>
#include <sodium.h>

#include "db/db.h"
#include "db/db_async.h"
#include "http/applog.h"

#define EVT_TYPE_DB_ASYNC	0x4c	/* our own kore_event type */
#define RETRY_MS		250

enum { JOB_QUEUED = 1, JOB_RUNNING, JOB_DONE };

struct pool;

struct job {
	TAILQ_ENTRY(job)	 list;
	struct pool		*pool;		/* where it runs */
	struct http_request	*req;		/* NULL: the request is gone */
	const struct db_stmt	*st;
	unsigned char		 key[crypto_generichash_BYTES];
	char			**params;
	int			 state;
	int			 retried;
	enum db_result		 rc;
	char			*text;
};

struct aconn {
	struct kore_event	 evt;		/* first: Kore hands it back */
	struct pool		*pool;
	PGconn			*c;
	struct job		*job;
	long long		 last_attempt_ms;
};

/* The connections to one server: the primary, or the standby. */
struct pool {
	struct aconn		*conns;
	unsigned		 n;
	char			*dsn;		/* NULL: the primary's */
	const char		*app;
};

static TAILQ_HEAD(, job)	 jobs = TAILQ_HEAD_INITIALIZER(jobs);
static struct pool		 primary = { .app = "leerlijn-api-async" };
static struct pool		 standby = { .app = "leerlijn-api-async-read" };
static unsigned			 njobs, maxjobs;
static struct http_request	*current;

static void	pump(struct pool *);

static void
pool_init(struct pool *p, unsigned connections)
{
	unsigned	i;

	p->n = connections > 0 ? connections : 1;
	if ((p->conns = calloc(p->n, sizeof(*p->conns))) == NULL)
		fatalx("out of memory for the database connections");
	for (i = 0; i < p->n; i++)
		p->conns[i].pool = p;
}

void
db_async_init(unsigned connections, unsigned queue)
{
	maxjobs = queue > 0 ? queue : 1;
	pool_init(&primary, connections);
}

void
db_async_standby_init(const char *dsn, unsigned connections)
{
	if (dsn == NULL || *dsn == '\0')
		return;
	if ((standby.dsn = strdup(dsn)) == NULL)
		fatalx("out of memory for the database connections");
	pool_init(&standby, connections);
}

static void
conn_drop(struct aconn *a)
{
	if (a->c == NULL)
		return;
	if (PQsocket(a->c) >= 0)
		kore_platform_disable_read(PQsocket(a->c));
	PQfinish(a->c);
	a->c = NULL;
}

static void
job_free(struct job *j)
{
	int	i;

	TAILQ_REMOVE(&jobs, j, list);
	for (i = 0; j->params != NULL && i < j->st->nparams; i++)
		free(j->params[i]);
	free(j->params);
	free(j->text);
	free(j);
	njobs--;
}

static void
pool_close(struct pool *p)
{
	unsigned	i;

	for (i = 0; i < p->n; i++)
		conn_drop(&p->conns[i]);
	free(p->conns);
	p->conns = NULL;
	p->n = 0;
	free(p->dsn);
	p->dsn = NULL;
}

void
db_async_close(void)
{
	while (!TAILQ_EMPTY(&jobs))
		job_free(TAILQ_FIRST(&jobs));
	pool_close(&primary);
	pool_close(&standby);
}

void
db_async_begin(struct http_request *req)
{
	current = req;
}

void
db_async_end(void)
{
	current = NULL;
}

int
db_async_active(void)
{
	return (current != NULL && primary.conns != NULL);
}

int
db_async_standby_active(void)
{
	return (db_async_active() && standby.conns != NULL);
}

int
db_async_queue_full(void)
{
	return (njobs >= maxjobs);
}

static void
job_key(const struct db_stmt *st, const char *const *params,
    unsigned char *key)
{
	crypto_generichash_state	s;
	unsigned char			nul = 0, one = 1;
	int				i;

	crypto_generichash_init(&s, NULL, 0, crypto_generichash_BYTES);
	crypto_generichash_update(&s, (const unsigned char *)st->name,
	    strlen(st->name) + 1);
	for (i = 0; i < st->nparams; i++) {
		if (params[i] == NULL) {
			crypto_generichash_update(&s, &nul, 1);
			continue;
		}
		crypto_generichash_update(&s, &one, 1);
		crypto_generichash_update(&s, (const unsigned char *)params[i],
		    strlen(params[i]) + 1);
	}
	crypto_generichash_final(&s, key, crypto_generichash_BYTES);
}

static void
job_done(struct job *j, enum db_result rc, char *text)
{
	j->state = JOB_DONE;
	j->rc = rc;
	j->text = text;
	if (j->req != NULL)
		http_request_wakeup(j->req);
	else
		job_free(j);
}

static void	conn_handle(void *, int);

static int
conn_open(struct aconn *a)
{
	if ((a->c = db_connect(a->pool->dsn != NULL ? a->pool->dsn :
	    db_conninfo(), "3", a->pool->app, &a->last_attempt_ms,
	    RETRY_MS)) == NULL)
		return (-1);
	if (PQstatus(a->c) != CONNECTION_OK || PQsetnonblocking(a->c, 1) != 0) {
		applog(LOG_LVL_WARNING, "database unavailable: %s",
		    PQerrorMessage(a->c));
		PQfinish(a->c);
		a->c = NULL;
		return (-1);
	}
	a->last_attempt_ms = 0;
	a->evt.type = EVT_TYPE_DB_ASYNC;
	a->evt.flags = 0;
	a->evt.handle = conn_handle;
	kore_platform_event_level_read(PQsocket(a->c), &a->evt);
	return (0);
}

/* Send j on a; 0, or -1 after the job got its answer (unavailable). */
static int
job_send(struct aconn *a, struct job *j)
{
	int	r;

	if (a->c == NULL && conn_open(a) == -1) {
		job_done(j, DB_UNAVAILABLE, NULL);
		return (-1);
	}
	if (PQsendQueryParams(a->c, j->st->sql, j->st->nparams, NULL,
	    (const char *const *)j->params, NULL, NULL, 0) == 1) {
		while ((r = PQflush(a->c)) == 1)
			;	/* a few bytes: the socket takes them */
		if (r == 0) {
			j->state = JOB_RUNNING;
			a->job = j;
			return (0);
		}
	}
	/* The connection died since its last use: once more on a new one. */
	conn_drop(a);
	if (!j->retried) {
		j->retried = 1;
		a->last_attempt_ms = 0;
		return (job_send(a, j));
	}
	job_done(j, DB_UNAVAILABLE, NULL);
	return (-1);
}

static void
pump(struct pool *p)
{
	struct job	*j;
	unsigned	 i;

	for (i = 0; i < p->n; i++) {
		if (p->conns[i].job != NULL)
			continue;
		TAILQ_FOREACH(j, &jobs, list) {
			if (j->state == JOB_QUEUED && j->pool == p)
				break;
		}
		if (j == NULL)
			return;
		(void)job_send(&p->conns[i], j);
	}
}

static void
conn_handle(void *arg, int error)
{
	struct aconn	*a = arg;
	struct job	*j;
	PGresult	*r;

	(void)error;
	a->evt.flags = 0;
	j = a->job;
	if (PQconsumeInput(a->c) == 0) {
		conn_drop(a);
		if (j != NULL) {
			a->job = NULL;
			job_done(j, DB_UNAVAILABLE, NULL);
		}
		pump(a->pool);
		return;
	}
	if (j == NULL)
		return;
	/* The answer may come in parts: what is there so far is in j. */
	while (!PQisBusy(a->c)) {
		if ((r = PQgetResult(a->c)) == NULL) {
			a->job = NULL;
			job_done(j, j->rc, j->text);
			pump(a->pool);
			return;
		}
		if (PQresultStatus(r) == PGRES_TUPLES_OK) {
			if (j->text == NULL && PQntuples(r) > 0 &&
			    PQnfields(r) > 0 && !PQgetisnull(r, 0, 0) &&
			    (j->text = strdup(PQgetvalue(r, 0, 0))) == NULL)
				j->rc = DB_ERROR;
		} else if (PQresultStatus(r) != PGRES_COMMAND_OK &&
		    j->rc == DB_OK) {
			j->rc = db_failed(a->c, r, j->st->name);
		}
		PQclear(r);
	}
}

static enum db_result
pool_text(struct pool *p, struct db_stmt *st, const char *const *params,
    char **out)
{
	unsigned char	 key[crypto_generichash_BYTES];
	struct job	*j;
	int		 i;

	*out = NULL;
	job_key(st, params, key);
	TAILQ_FOREACH(j, &jobs, list) {
		if (j->req == current && j->st == st && j->pool == p &&
		    memcmp(j->key, key, sizeof(key)) == 0) {
			if (j->state != JOB_DONE)
				return (DB_PENDING);
			if (j->rc == DB_OK && j->text != NULL &&
			    (*out = strdup(j->text)) == NULL)
				return (DB_ERROR);
			return (j->rc);
		}
	}
	if (njobs >= maxjobs) {
		applog(LOG_LVL_WARNING, "database queue full (%u)", maxjobs);
		return (DB_UNAVAILABLE);
	}
	if ((j = calloc(1, sizeof(*j))) == NULL ||
	    (st->nparams > 0 &&
	    (j->params = calloc((size_t)st->nparams, sizeof(char *))) == NULL)) {
		free(j);
		return (DB_ERROR);
	}
	TAILQ_INSERT_TAIL(&jobs, j, list);
	njobs++;
	for (i = 0; i < st->nparams; i++) {
		if (params[i] != NULL &&
		    (j->params[i] = strdup(params[i])) == NULL) {
			job_free(j);
			return (DB_ERROR);
		}
	}
	j->st = st;
	j->pool = p;
	j->req = current;
	memcpy(j->key, key, sizeof(key));
	j->state = JOB_QUEUED;
	http_request_sleep(current);
	pump(p);
	/* Unavailable at once: answered, the request stays awake. */
	if (j->state == JOB_DONE) {
		http_request_wakeup(current);
		return (j->rc);
	}
	return (DB_PENDING);
}

enum db_result
db_async_text(struct db_stmt *st, const char *const *params, char **out)
{
	return (pool_text(&primary, st, params, out));
}

enum db_result
db_async_standby_text(struct db_stmt *st, const char *const *params,
    char **out)
{
	if (standby.conns == NULL) {
		*out = NULL;
		return (DB_UNAVAILABLE);
	}
	return (pool_text(&standby, st, params, out));
}

void
db_async_request_gone(struct http_request *req)
{
	struct job	*j, *next;

	for (j = TAILQ_FIRST(&jobs); j != NULL; j = next) {
		next = TAILQ_NEXT(j, list);
		if (j->req != req)
			continue;
		if (j->state == JOB_DONE)
			job_free(j);
		else
			j->req = NULL;
	}
}

/*
 * db: the worker's PostgreSQL connection and prepared statements.
 *
 * Each Kore worker keeps one synchronous libpq connection.  It is opened
 * lazily and reopened after the server went away, so that the API recovers
 * from a database restart by itself.  Statements are prepared once per
 * connection.  Callers never see libpq's error text: it is logged here.
 */
#ifndef LEERLIJN_DB_H
#define LEERLIJN_DB_H

#include <stddef.h>

#include <libpq-fe.h>

struct db_stmt {
	const char	*name;		/* unique prepared statement name */
	const char	*sql;
	int		 nparams;
	int		 readonly;	/* safe to retry on a new connection */
	unsigned long	 gen;		/* connection generation prepared on */
};

#define DB_STMT(n, s, np, ro)	{ (n), (s), (np), (ro), 0 }

enum db_result {
	DB_OK = 0,
	DB_UNAVAILABLE,		/* no connection to the database */
	DB_ERROR,		/* the statement failed (logged) */
	DB_CONSTRAINT,		/* a constraint refused the change */
	DB_INVALID,		/* our own check refused it (SQLSTATE LL422) */
	DB_STALE,		/* a version check failed (SQLSTATE LL412) */
	DB_CONFLICT,		/* our own check: it exists already (LL409) */
	DB_PENDING		/* sent; the request sleeps until the answer
				   is there (db_async.h): return at once */
};

/*
 * What the last failed statement said, for the API's own checks only:
 * field and message are set for SQLSTATE LL422 and LL409 (raised by
 * api_require() and api_require_unique() of schema/functions/
 * api_checks.sql, with Dutch text written for users); constraint names the
 * violated constraint of class 23.  Never libpq's own text.
 */
struct db_error {
	char	sqlstate[6];
	char	field[64];
	char	message[256];
	char	constraint[64];
	char	table[64];
};

void		 db_init(const char *dsn);
void		 db_close(void);
/* The connection string given to db_init() (NULL after db_close()). */
const char	*db_conninfo(void);
/* A monotonic clock in milliseconds. */
long long	 db_now_ms(void);
/*
 * A new connection to dsn as application app, with connect_timeout
 * (seconds) and JIT off, at most one attempt per retry_ms: NULL when dsn
 * is NULL or the last attempt (*last_attempt_ms, now set to this one; the
 * caller sets it to 0 once connected) was too recent.  The caller checks
 * PQstatus() and PQfinish()es a connection that failed.
 */
PGconn		*db_connect(const char *dsn, const char *timeout,
		    const char *app, long long *last_attempt_ms,
		    long long retry_ms);
/*
 * Execute st with params.  On DB_OK *res holds the result, which the
 * caller frees with PQclear; otherwise *res is NULL.
 */
enum db_result	 db_exec(struct db_stmt *st, const char *const *params,
		    PGresult **res);
/*
 * Execute st and return the first column of the first row as a new
 * string in *out (the caller frees it with free()); *out is NULL when
 * there is no row or the value is SQL NULL.  For statements that build
 * their JSON reply in PostgreSQL.
 */
enum db_result	 db_text(struct db_stmt *st, const char *const *params,
		    char **out);
/*
 * The common calls on top of those two (db_call.c).  db_run(): for the
 * statement's effect alone.  db_bool(): the first column of the first row
 * is true (db_text(); 0 when there is no row).  db_int(): that column as a
 * number (0 when there is no row).  db_row(): fill(r, arg) reads the
 * fields of the one row when there is exactly one (db_copy() copies
 * column col of it into dst as text cut at a UTF-8 boundary).
 */
enum db_result	 db_run(struct db_stmt *st, const char *const *params);
enum db_result	 db_bool(struct db_stmt *st, const char *const *params,
		    int *out);
enum db_result	 db_int(struct db_stmt *st, const char *const *params,
		    int *out);
enum db_result	 db_row(struct db_stmt *st, const char *const *params,
		    void (*fill)(PGresult *, void *), void *arg);
void		 db_copy(char *dst, size_t len, PGresult *r, int col);
/*
 * db_text() for a list whose statement takes limit and offset as its last
 * two parameters, after the n (at most DB_PAGE_PARAMS_MAX) of params.
 */
#define DB_PAGE_PARAMS_MAX	12
enum db_result	 db_text_page(struct db_stmt *st, const char *const *params,
		    size_t n, long limit, long offset, char **out);
/*
 * The user on whose behalf the following transactions run ("" or NULL:
 * nobody); db_begin() hands it to the audit trigger as leerlijn.actor.
 */
void		 db_set_actor(const char *user_id);
/* BEGIN, then set_config('leerlijn.actor', <actor>, true). */
enum db_result	 db_begin(void);
enum db_result	 db_commit(void);
void		 db_rollback(void);
/* 1 while a transaction is open (BEGIN without COMMIT or ROLLBACK). */
int		 db_in_transaction(void);
/*
 * A statement failed on connection c with result r (may be NULL): note
 * and log the error as db_exec() does, and classify it.
 */
enum db_result	 db_failed(PGconn *c, PGresult *r, const char *what);
/* SQLSTATE of the last failed statement ("" when none). */
const char	*db_last_sqlstate(void);
const struct db_error *db_last_error(void);

#endif

/*
 * db_read: heavy read-only work (reports, exports, CASE packages) on a
 * PostgreSQL hot standby, LEERLIJN_DATABASE_READ_URL.
 *
 * Each worker keeps one more synchronous connection, to the standby.  A
 * read goes there when the standby answers and is at most
 * LEERLIJN_READ_MAX_LAG seconds behind; otherwise, and whenever the
 * standby fails the statement (gone, restarted, a query cancelled by
 * recovery), it runs on the primary through db.c, so that no request
 * fails because of the standby.  Every change between "standby", "down"
 * and "behind" is logged once per worker.  Writes, sessions and the
 * reads of what a user has just changed never come here.
 */
#ifndef LEERLIJN_DB_READ_H
#define LEERLIJN_DB_READ_H

#include <stddef.h>

#include "db/db.h"

/* How fresh the data of an answer is. */
struct db_freshness {
	int	standby;	/* 1: read on the standby, 0: on the primary */
	/* The standby's last replayed commit (ISO 8601, UTC); "" on the
	 * primary or when the standby has replayed nothing yet. */
	char	replayed_at[40];
	/* How far the standby was behind the primary (0 on the primary,
	 * and 0 when it had replayed all it received while streaming). */
	double	lag_seconds;
};

/* The standby's connection string ("" or NULL: none) and largest lag. */
void		 db_read_init(const char *dsn, unsigned max_lag_seconds);
void		 db_read_close(void);
/*
 * db_text() for a read-only statement, on the standby when it is fit,
 * else on the primary; *f says which and how fresh.  The caller frees
 * *out with free().
 */
enum db_result	 db_read_text(struct db_stmt *st, const char *const *params,
		    char **out, struct db_freshness *f);
/*
 * f as a JSON object ({"source":"standby","replayed_at":...,
 * "lag_seconds":...}) into buf; -1 when it does not fit.
 */
int		 db_freshness_json(const struct db_freshness *f, char *buf,
		    size_t len);

#endif

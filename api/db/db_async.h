/*
 * db_async: a request's reads that do not hold up its worker.
 *
 * Between db_async_begin(req) and db_async_end() (the dispatcher brackets
 * the handlers of long reads: the coverage reports), db_text() sends each
 * read-only statement outside a transaction on one of the worker's own
 * asynchronous connections (LEERLIJN_DB_ASYNC per worker; libpq's
 * non-blocking API, their sockets on Kore's event loop) and answers
 * DB_PENDING; the request sleeps, and the worker serves other requests.
 * When the answer is there, the request wakes and its handler runs again
 * from the start: the same statement with the same parameters then gets
 * the kept answer at once, and the next one is sent (replies of a
 * request live until it is freed).  At most LEERLIJN_DB_ASYNC_QUEUE
 * statements per worker wait or run; beyond that, and while the database
 * is away, the answer is DB_UNAVAILABLE (503).  A lost connection is
 * opened again on next use (a read is sent once more on a new one).
 * With a standby (LEERLIJN_DATABASE_READ_URL) each worker keeps as many
 * asynchronous connections to it, for db_read_text().
 */
#ifndef LEERLIJN_DB_ASYNC_H
#define LEERLIJN_DB_ASYNC_H

#include "db/db.h"

struct http_request;

void		db_async_init(unsigned connections, unsigned queue);
/* As many connections again to the standby (dsn "" or NULL: none). */
void		db_async_standby_init(const char *dsn, unsigned connections);
void		db_async_close(void);
void		db_async_begin(struct http_request *req);
void		db_async_end(void);
int		db_async_active(void);
/* db_async_active() and a standby configured. */
int		db_async_standby_active(void);
/* As db_text(), for the request of db_async_begin(). */
enum db_result	db_async_text(struct db_stmt *st, const char *const *params,
		    char **out);
/* The same on the standby's connections (db_read.c decides when). */
enum db_result	db_async_standby_text(struct db_stmt *st,
		    const char *const *params, char **out);
/* The request is freed: its answers go. */
void		db_async_request_gone(struct http_request *req);
/* 1 while the queue of asynchronous statements is full. */
int		db_async_queue_full(void);

#endif

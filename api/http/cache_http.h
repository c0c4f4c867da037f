/*
 * cache_http: public catalogue reads answered from the worker's response
 * cache (core/respcache.c) for the catalogue generation of
 * db/catalogue_gen.c, with HTTP validators.
 *
 * Only anonymous GET and HEAD requests of the routes listed in
 * cache_http.c are cached: an answer that may depend on who asks (a
 * school's own units, a role) is never shared.  The key is the path with
 * the raw query string.  A cached answer is the very response the handler
 * made from PostgreSQL (status 200, headers, body), so it equals the SQL
 * answer by construction; it lives until the generation changes or the
 * byte budget (LEERLIJN_CACHE_BYTES) needs its room.  Its ETag is
 * "cat-<generation>" (unless the route has its own, as a lesson's
 * version), with Cache-Control: no-cache; If-None-Match with the current
 * one answers 304.  X-Cache says "hit" or "miss" and which worker
 * answered ("hit; worker=2").
 *
 * A miss runs its handler with its reads on the worker's asynchronous
 * connections (db_async.h), so that making an answer never holds up the
 * hits: the request sleeps and runs again when its answers are there.
 * Its answer is kept only when the generation is still the one of its
 * first miss (a change in between: it is answered, not kept).
 */
#ifndef LEERLIJN_CACHE_HTTP_H
#define LEERLIJN_CACHE_HTTP_H

#include <jansson.h>

#include "http/reply.h"

struct http_request;

struct cache_capture {
	int			 on;
	long long		 gen;		/* of the request's first miss */
	char			*key;
	long long		 start_us;
	struct reply_copy	 copy;
};

/* Per worker: the budget in bytes (0: off). */
void	cache_init(size_t budget);
void	cache_close(void);
/* 1 when the route pattern's anonymous GET answers may be cached. */
int	cache_route(const char *pattern);
/*
 * Before the handler: 1 when the request was answered (from the cache,
 * or 304); else 0, and when cap->on the handler's reply is captured:
 * call cache_after() once it has replied.
 */
int	cache_before(struct http_request *req, struct cache_capture *cap);
void	cache_after(struct cache_capture *cap);
/* The cache's figures for /api/v1/health. */
json_t	*cache_stats_json(void);

#endif

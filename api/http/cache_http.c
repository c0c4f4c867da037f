/*
 * cache_http: the catalogue's reads from the worker's response cache.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "core/respcache.h"
#include "core/router.h"
#include "db/catalogue_gen.h"
#include "http/cache_http.h"
#include "http/reply.h"

#define KEY_MAX		2048
/* Kore message: an answer one worker made, for the others (below). */
#define MSG_CACHE_ENTRY	(KORE_MSG_APP_BASE + 1)

/*
 * The public catalogue reads (api_dispatch) and the CASE provider
 * (case_dispatch): their answers depend on the catalogue tables alone,
 * whose every change bumps the generation
 * (schema/functions/catalogue_generation.sql).
 */
static const char *const cached_routes[] = {
	"/api/v1/frameworks",
	"/api/v1/frameworks/{code}",
	"/api/v1/frameworks/{code}/goals",
	"/api/v1/goals",
	"/api/v1/goals/{id}",
	"/api/v1/levels",
	"/api/v1/lessons",
	"/api/v1/lessons/{id}",
	"/api/v1/alignment-warnings",
	"/api/v1/relations/{id}",
	"/api/v1/alignments/{id}",
	"/api/v1/calendar/{school_year}",
	"/ims/case/v1p0/CFDocuments",
	"/ims/case/v1p0/CFDocuments/{id}",
	"/ims/case/v1p0/CFPackages/{id}",
	"/ims/case/v1p0/CFItems/{id}",
	"/ims/case/v1p0/CFAssociations/{id}",
	"/ims/case/v1p0/CFItemAssociations/{id}",
	"/ims/case/v1p0/CFAssociationGroupings/{id}",
	"/ims/case/v1p0/CFConcepts/{id}",
	"/ims/case/v1p0/CFSubjects/{id}",
	"/ims/case/v1p0/CFItemTypes/{id}",
	"/ims/case/v1p0/CFLicenses/{id}",
	"/ims/case/v1p0/CFRubrics/{id}",
	NULL
};

static long long
now_us(void)
{
	struct timespec	ts;

	(void)clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000);
}

static int	enabled;

/*
 * The catalogue's generation now, and the cache moved to it (dropping the
 * answers of any other); -1 when it is not known (nothing is cached then).
 */
static long long
generation_now(void)
{
	long long	gen;

	if ((gen = catalogue_gen_current()) >= 0)
		respcache_generation(gen);
	return (gen);
}

/*
 * Every answer a worker makes for the current generation goes to the
 * other workers too (through Kore's parent), so that each is made once
 * per server, not once per worker: a worker that takes over connections
 * (Kore's accept lock) finds the answers warm.  A worker keeps it only
 * while it is at the same generation (respcache_put_packed()).
 */
static void
cache_received(struct kore_msg *msg, const void *data)
{
	if (!enabled || msg->src == worker->id || generation_now() < 0)
		return;
	(void)respcache_put_packed(data, msg->length);
}

static void
cache_share(const char *key)
{
	void	*buf;
	size_t	 len;

	if (worker_count < 2 || (buf = respcache_pack(key, &len)) == NULL)
		return;
	kore_msg_send(KORE_MSG_WORKER_ALL, MSG_CACHE_ENTRY, buf, len);
	free(buf);
}

void
cache_init(size_t budget)
{
	respcache_init(budget);
	enabled = budget > 0;
	if (enabled && worker != NULL)
		(void)kore_msg_register(MSG_CACHE_ENTRY, cache_received);
}

void
cache_close(void)
{
	respcache_free();
}

int
cache_route(const char *pattern)
{
	return (router_pattern_in(cached_routes, pattern));
}

static void
etag_of(long long gen, char *buf, size_t len)
{
	(void)snprintf(buf, len, "\"cat-%lld\"", gen);
}

/* 1 when the If-None-Match header lists etag (or is "*"). */
static int
none_match(struct http_request *req, const char *etag)
{
	const char	*v, *p;
	size_t		 n;

	if (!http_request_header(req, "if-none-match", &v))
		return (0);
	n = strlen(etag);
	for (p = v; *p != '\0'; p++) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '*')
			return (1);
		if (strncmp(p, "W/", 2) == 0)
			p += 2;
		if (strncmp(p, etag, n) == 0 &&
		    (p[n] == '\0' || p[n] == ',' || p[n] == ' '))
			return (1);
		if ((p = strchr(p, ',')) == NULL)
			break;
	}
	return (0);
}

/* Which worker answered, and how: for tests and for looking into it. */
static void
x_cache(struct http_request *req, const char *how)
{
	char	v[32];

	(void)snprintf(v, sizeof(v), "%s; worker=%u", how,
	    worker != NULL ? (unsigned)worker->id : 0);
	http_response_header(req, "x-cache", v);
}

static void
reply_not_modified(struct http_request *req, const char *etag)
{
	http_response_header(req, "etag", etag);
	http_response_header(req, "cache-control", "no-cache");
	reply_bytes(req, 304, NULL, NULL, 0);
}

int
cache_before(struct http_request *req, struct cache_capture *cap)
{
	const struct rc_entry	*e;
	const char		*h;
	char			 etag[40], key[KEY_MAX];
	long long		 gen;
	size_t			 i;
	int			 n;

	memset(cap, 0, sizeof(*cap));
	if (!enabled)
		return (0);	/* LEERLIJN_CACHE_BYTES=0: every read in SQL */
	if ((gen = generation_now()) < 0)
		return (0);	/* not known now: straight to PostgreSQL */
	etag_of(gen, etag, sizeof(etag));
	if (none_match(req, etag)) {
		reply_not_modified(req, etag);
		return (1);
	}
	n = snprintf(key, sizeof(key), "%s?%s", req->path,
	    req->query_string != NULL ? req->query_string : "");
	if (n < 0 || (size_t)n >= sizeof(key))
		return (0);
	if ((e = respcache_get(key)) != NULL) {
		x_cache(req, "hit");
		h = e->headers;
		for (i = 0; i < e->nheaders; i++) {
			http_response_header(req, h, h + strlen(h) + 1);
			h += strlen(h) + 1;
			h += strlen(h) + 1;
		}
		http_response(req, e->status, e->body, e->len);
		return (1);
	}
	if ((cap->key = strdup(key)) == NULL)
		return (0);
	/*
	 * A request that waited for its reads runs again: it keeps the
	 * generation of its first miss (Kore keeps hdlr_extra, unused
	 * otherwise, for the request's life; RETAIN_EXTRA: not to be freed).
	 */
	if (!(req->flags & HTTP_REQUEST_RETAIN_EXTRA)) {
		req->hdlr_extra = (void *)(intptr_t)gen;
		req->flags |= HTTP_REQUEST_RETAIN_EXTRA;
		/* Once: Kore keeps the response headers across the runs. */
		x_cache(req, "miss");
	}
	cap->gen = (long long)(intptr_t)req->hdlr_extra;
	cap->on = 1;
	cap->start_us = now_us();
	reply_capture_begin(etag, &cap->copy);
	return (0);
}

void
cache_after(struct cache_capture *cap)
{
	if (!cap->on)
		return;
	reply_capture_end();
	if (cap->copy.kept && cap->gen == respcache_current() &&
	    respcache_put(cap->key, cap->copy.status, cap->copy.own_etag,
	    (const char *const *)cap->copy.headers, cap->copy.nheaders,
	    cap->copy.body, cap->copy.len,
	    (double)(now_us() - cap->start_us) / 1000.0) == 0)
		cache_share(cap->key);
	reply_copy_free(&cap->copy);
	free(cap->key);
	cap->key = NULL;
	cap->on = 0;
}

json_t *
cache_stats_json(void)
{
	struct respcache_stats	s;

	respcache_stats(&s);
	return (json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, "
	    "s:f}",
	    "generation", (json_int_t)s.generation,
	    "budget_bytes", (json_int_t)s.budget,
	    "bytes", (json_int_t)s.bytes,
	    "entries", (json_int_t)s.entries,
	    "hits", (json_int_t)s.hits,
	    "misses", (json_int_t)s.misses,
	    "evictions", (json_int_t)s.evictions,
	    "generations_dropped", (json_int_t)s.flushes,
	    "made_by_other_workers", (json_int_t)s.shared,
	    "fill_ms", s.fill_ms));
}

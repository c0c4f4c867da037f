/*
 * respcache: a worker's cache of whole HTTP responses (status, headers,
 * body) keyed by the request (path and query string), for one catalogue
 * generation at a time, within a budget in bytes.  Plain C: no Kore, no
 * libpq.
 *
 * Every entry belongs to the generation that was current when it was
 * stored; moving to another generation drops them all.  When an entry
 * does not fit in the budget, the least recently used ones make room; an
 * entry larger than a quarter of the budget is not kept.
 */
#ifndef LEERLIJN_RESPCACHE_H
#define LEERLIJN_RESPCACHE_H

#include <stddef.h>

struct rc_entry {
	struct rc_entry	*hnext;		/* bucket chain */
	struct rc_entry	*prev, *next;	/* most recently used first */
	unsigned long long hash;
	size_t		 bytes;		/* what it costs the budget */
	const char	*key;
	int		 status;	/* HTTP status */
	int		 own_etag;	/* its ETag is the generation's */
	size_t		 nheaders;
	const char	*headers;	/* name\0value\0 ... nheaders pairs */
	const void	*body;
	size_t		 len;
};

struct respcache_stats {
	long long		generation;	/* -1: none (cache off) */
	size_t			budget;
	size_t			bytes;
	size_t			entries;
	unsigned long long	hits;
	unsigned long long	misses;
	unsigned long long	evictions;
	unsigned long long	flushes;	/* generations dropped */
	double			fill_ms;	/* time to make this
						   generation's entries */
	unsigned long long	shared;		/* this generation's entries
						   made by another worker */
};

/* Set the budget (0: nothing is kept) and drop every entry. */
void	respcache_init(size_t budget);
/* Make gen the current generation (-1: unknown); drops the entries of
 * any other. */
void	respcache_generation(long long gen);
long long respcache_current(void);
/* The entry for key, or NULL (a miss).  Counts hits and misses. */
const struct rc_entry *respcache_get(const char *key);
/*
 * Keep a response for key in the current generation: headers holds
 * nheaders name/value pairs (2 * nheaders strings).  ms is the time it
 * took to make.  0, or -1 when it was not kept (too large, no budget, no
 * generation, out of memory).
 */
int	respcache_put(const char *key, int status, int own_etag,
	    const char *const *headers, size_t nheaders, const void *body,
	    size_t len, double ms);
/*
 * The entry for key and the current generation as one buffer of *len
 * bytes (free it with free()), for another worker of the same server;
 * NULL when there is no such entry (or out of memory).  Counts nothing.
 */
void	*respcache_pack(const char *key, size_t *len);
/*
 * Keep an entry packed by respcache_pack() in another worker: 0, or -1
 * when it is malformed, made for another generation than the current
 * one, or not kept (as respcache_put()).
 */
int	respcache_put_packed(const void *buf, size_t len);
void	respcache_stats(struct respcache_stats *out);
/* Free everything (worker teardown). */
void	respcache_free(void);

#endif

/*
 * respcache: whole responses per request, one generation, a byte budget.
 */
#include <stdlib.h>
#include <string.h>

#include "core/respcache.h"

#define NBUCKETS	4096	/* a power of two */

static struct rc_entry	*buckets[NBUCKETS];
static struct rc_entry	*lru_head, *lru_tail;
static struct respcache_stats st = { -1, 0, 0, 0, 0, 0, 0, 0, 0.0 };

static unsigned long long
hash_key(const char *key)
{
	unsigned long long	h = 14695981039346656037ULL;	/* FNV-1a */

	for (; *key != '\0'; key++) {
		h ^= (unsigned char)*key;
		h *= 1099511628211ULL;
	}
	return (h);
}

static void
lru_unlink(struct rc_entry *e)
{
	if (e->prev != NULL)
		e->prev->next = e->next;
	else
		lru_head = e->next;
	if (e->next != NULL)
		e->next->prev = e->prev;
	else
		lru_tail = e->prev;
	e->prev = e->next = NULL;
}

static void
lru_push(struct rc_entry *e)
{
	e->prev = NULL;
	e->next = lru_head;
	if (lru_head != NULL)
		lru_head->prev = e;
	lru_head = e;
	if (lru_tail == NULL)
		lru_tail = e;
}

static void
drop(struct rc_entry *e)
{
	struct rc_entry	**p;

	for (p = &buckets[e->hash & (NBUCKETS - 1)]; *p != NULL;
	    p = &(*p)->hnext) {
		if (*p == e) {
			*p = e->hnext;
			break;
		}
	}
	lru_unlink(e);
	st.bytes -= e->bytes;
	st.entries--;
	free(e);
}

static void
drop_all(void)
{
	while (lru_head != NULL)
		drop(lru_head);
	st.fill_ms = 0;
}

void
respcache_init(size_t budget)
{
	drop_all();
	st.budget = budget;
}

void
respcache_generation(long long gen)
{
	if (gen == st.generation)
		return;
	if (st.entries > 0)
		st.flushes++;
	drop_all();
	st.generation = gen;
}

long long
respcache_current(void)
{
	return (st.generation);
}

const struct rc_entry *
respcache_get(const char *key)
{
	struct rc_entry		*e;
	unsigned long long	 h;

	h = hash_key(key);
	for (e = buckets[h & (NBUCKETS - 1)]; e != NULL; e = e->hnext) {
		if (e->hash == h && strcmp(e->key, key) == 0) {
			lru_unlink(e);
			lru_push(e);
			st.hits++;
			return (e);
		}
	}
	st.misses++;
	return (NULL);
}

int
respcache_put(const char *key, int status, int own_etag,
    const char *const *headers, size_t nheaders, const void *body,
    size_t len, double ms)
{
	struct rc_entry	*e, *old;
	size_t		 klen, hlen, bytes, i;
	char		*p;

	if (st.generation < 0 || st.budget == 0)
		return (-1);
	klen = strlen(key) + 1;
	hlen = 0;
	for (i = 0; i < 2 * nheaders; i++)
		hlen += strlen(headers[i]) + 1;
	bytes = sizeof(*e) + klen + hlen + len;
	if (bytes > st.budget / 4)
		return (-1);
	if ((e = calloc(1, bytes)) == NULL)
		return (-1);
	p = (char *)(e + 1);
	memcpy(p, key, klen);
	e->key = p;
	p += klen;
	e->headers = p;
	for (i = 0; i < 2 * nheaders; i++) {
		memcpy(p, headers[i], strlen(headers[i]) + 1);
		p += strlen(headers[i]) + 1;
	}
	if (len > 0)
		memcpy(p, body, len);
	e->body = p;
	e->len = len;
	e->nheaders = nheaders;
	e->status = status;
	e->own_etag = own_etag;
	e->bytes = bytes;
	e->hash = hash_key(key);

	/* A key stored again (two requests missed at once) replaces. */
	for (old = buckets[e->hash & (NBUCKETS - 1)]; old != NULL;
	    old = old->hnext) {
		if (old->hash == e->hash && strcmp(old->key, key) == 0) {
			drop(old);
			break;
		}
	}
	while (st.bytes + bytes > st.budget && lru_tail != NULL) {
		drop(lru_tail);
		st.evictions++;
	}
	e->hnext = buckets[e->hash & (NBUCKETS - 1)];
	buckets[e->hash & (NBUCKETS - 1)] = e;
	lru_push(e);
	st.bytes += bytes;
	st.entries++;
	st.fill_ms += ms;
	return (0);
}

void
respcache_stats(struct respcache_stats *out)
{
	*out = st;
}

void
respcache_free(void)
{
	drop_all();
}

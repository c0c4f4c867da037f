/*
 * respcache: whole responses per request, one generation, a byte budget.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/respcache.h"

#define NBUCKETS	4096	/* a power of two */

static struct rc_entry	*buckets[NBUCKETS];
static struct rc_entry	*lru_head, *lru_tail;
static struct respcache_stats st = { .generation = -1 };

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
	st.shared = 0;
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

/*
 * A new entry for key with room for hlen bytes of headers and len of body
 * (e->headers and e->body point there, to be filled); NULL when it would
 * not be kept (no generation, no budget, too large, out of memory).
 */
static struct rc_entry *
entry_new(const char *key, int status, int own_etag, size_t nheaders,
    size_t hlen, size_t len)
{
	struct rc_entry	*e;
	size_t		 klen, bytes;
	char		*p;

	if (st.generation < 0 || st.budget == 0)
		return (NULL);
	klen = strlen(key) + 1;
	bytes = sizeof(*e) + klen + hlen + len;
	if (bytes > st.budget / 4 || (e = calloc(1, bytes)) == NULL)
		return (NULL);
	p = (char *)(e + 1);
	memcpy(p, key, klen);
	e->key = p;
	e->headers = p + klen;
	e->body = p + klen + hlen;
	e->len = len;
	e->nheaders = nheaders;
	e->status = status;
	e->own_etag = own_etag;
	e->bytes = bytes;
	e->hash = hash_key(key);
	return (e);
}

/* Keep e (filled), in place of an entry of the same key, within budget. */
static void
entry_insert(struct rc_entry *e, double ms)
{
	struct rc_entry	*old;

	/* A key stored again (two requests missed at once) replaces. */
	for (old = buckets[e->hash & (NBUCKETS - 1)]; old != NULL;
	    old = old->hnext) {
		if (old->hash == e->hash && strcmp(old->key, e->key) == 0) {
			drop(old);
			break;
		}
	}
	while (st.bytes + e->bytes > st.budget && lru_tail != NULL) {
		drop(lru_tail);
		st.evictions++;
	}
	e->hnext = buckets[e->hash & (NBUCKETS - 1)];
	buckets[e->hash & (NBUCKETS - 1)] = e;
	lru_push(e);
	st.bytes += e->bytes;
	st.entries++;
	st.fill_ms += ms;
}

int
respcache_put(const char *key, int status, int own_etag,
    const char *const *headers, size_t nheaders, const void *body,
    size_t len, double ms)
{
	struct rc_entry	*e;
	size_t		 hlen, i, n;
	char		*p;

	hlen = 0;
	for (i = 0; i < 2 * nheaders; i++)
		hlen += strlen(headers[i]) + 1;
	if ((e = entry_new(key, status, own_etag, nheaders, hlen, len)) ==
	    NULL)
		return (-1);
	p = (char *)(uintptr_t)e->headers;
	for (i = 0; i < 2 * nheaders; i++) {
		n = strlen(headers[i]) + 1;
		memcpy(p, headers[i], n);
		p += n;
	}
	if (len > 0)
		memcpy((char *)(uintptr_t)e->body, body, len);
	entry_insert(e, ms);
	return (0);
}

/*
 * The packed form: a head of eight 64-bit fields in the machine's own
 * byte order (it only travels between the workers of one server), then
 * the key with its NUL, the headers block and the body.
 */
enum { PK_MAGIC, PK_GEN, PK_STATUS, PK_OWN_ETAG, PK_NHEADERS, PK_KLEN,
    PK_HLEN, PK_BLEN, PK_FIELDS };
#define PACK_MAGIC	0x4c4c524331ULL		/* "LLRC1" */

/* The entry of key without counting a hit, or NULL. */
static struct rc_entry *
find(const char *key)
{
	struct rc_entry		*e;
	unsigned long long	 h;

	h = hash_key(key);
	for (e = buckets[h & (NBUCKETS - 1)]; e != NULL; e = e->hnext)
		if (e->hash == h && strcmp(e->key, key) == 0)
			return (e);
	return (NULL);
}

void *
respcache_pack(const char *key, size_t *len)
{
	const struct rc_entry	*e;
	unsigned long long	 f[PK_FIELDS];
	size_t			 klen, hlen;
	unsigned char		*buf, *p;

	if ((e = find(key)) == NULL)
		return (NULL);
	klen = strlen(e->key) + 1;
	hlen = (size_t)((const char *)e->body - e->headers);
	f[PK_MAGIC] = PACK_MAGIC;
	f[PK_GEN] = (unsigned long long)st.generation;
	f[PK_STATUS] = (unsigned long long)e->status;
	f[PK_OWN_ETAG] = (unsigned long long)e->own_etag;
	f[PK_NHEADERS] = e->nheaders;
	f[PK_KLEN] = klen;
	f[PK_HLEN] = hlen;
	f[PK_BLEN] = e->len;
	*len = sizeof(f) + klen + hlen + e->len;
	if ((buf = malloc(*len)) == NULL)
		return (NULL);
	p = buf;
	memcpy(p, f, sizeof(f));
	p += sizeof(f);
	memcpy(p, e->key, klen);
	p += klen;
	memcpy(p, e->headers, hlen);
	p += hlen;
	if (e->len > 0)
		memcpy(p, e->body, e->len);
	return (buf);
}

/* 1 when block (n bytes) is exactly count NUL-terminated strings. */
static int
strings_exactly(const char *block, size_t n, unsigned long long count)
{
	const char	*end;

	while (count > 0) {
		if (n == 0 || (end = memchr(block, '\0', n)) == NULL)
			return (0);
		n -= (size_t)(end - block) + 1;
		block = end + 1;
		count--;
	}
	return (n == 0);
}

int
respcache_put_packed(const void *buf, size_t len)
{
	unsigned long long	 f[PK_FIELDS];
	const char		*key, *hdr, *body;
	struct rc_entry		*e;

	if (buf == NULL || len < sizeof(f))
		return (-1);
	memcpy(f, buf, sizeof(f));
	if (f[PK_MAGIC] != PACK_MAGIC || f[PK_KLEN] == 0 ||
	    f[PK_KLEN] > len || f[PK_HLEN] > len || f[PK_BLEN] > len ||
	    f[PK_NHEADERS] > len ||
	    sizeof(f) + f[PK_KLEN] + f[PK_HLEN] + f[PK_BLEN] != len ||
	    f[PK_STATUS] < 100 || f[PK_STATUS] > 599 || f[PK_OWN_ETAG] > 1)
		return (-1);
	/* Made for another generation than this worker's: not kept. */
	if (st.generation < 0 ||
	    f[PK_GEN] != (unsigned long long)st.generation)
		return (-1);
	key = (const char *)buf + sizeof(f);
	hdr = key + f[PK_KLEN];
	body = hdr + f[PK_HLEN];
	if (!strings_exactly(key, f[PK_KLEN], 1) ||
	    !strings_exactly(hdr, f[PK_HLEN], 2 * f[PK_NHEADERS]))
		return (-1);
	if ((e = entry_new(key, (int)f[PK_STATUS], (int)f[PK_OWN_ETAG],
	    f[PK_NHEADERS], f[PK_HLEN], f[PK_BLEN])) == NULL)
		return (-1);
	memcpy((char *)(uintptr_t)e->headers, hdr, f[PK_HLEN]);
	if (f[PK_BLEN] > 0)
		memcpy((char *)(uintptr_t)e->body, body, f[PK_BLEN]);
	entry_insert(e, 0.0);
	st.shared++;
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

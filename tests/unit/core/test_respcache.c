/*
 * test_respcache: the response cache's generations, budget and LRU order.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "unit.h"

#include "core/respcache.h"

static const char *const	hdrs[] = { "content-type", "application/json",
				    "x-total-count", "3" };

static int
setup(void **state)
{
	(void)state;
	respcache_init(64 * 1024);
	respcache_generation(1);
	return (0);
}

static int
teardown(void **state)
{
	(void)state;
	respcache_free();
	respcache_generation(-1);
	return (0);
}

static void
test_put_get(void **state)
{
	const struct rc_entry	*e;
	struct respcache_stats	 s;

	(void)state;
	assert_null(respcache_get("/a?"));
	assert_int_equal(respcache_put("/a?", 200, 1, hdrs, 2, "{}", 2, 1.5), 0);
	assert_non_null(e = respcache_get("/a?"));
	assert_int_equal(e->status, 200);
	assert_int_equal(e->own_etag, 1);
	assert_int_equal(e->len, 2);
	assert_memory_equal(e->body, "{}", 2);
	assert_int_equal(e->nheaders, 2);
	assert_string_equal(e->headers, "content-type");
	assert_string_equal(e->headers + 13, "application/json");
	assert_null(respcache_get("/a?x=1"));
	respcache_stats(&s);
	assert_int_equal(s.entries, 1);
	assert_int_equal(s.hits, 1);
	assert_int_equal(s.misses, 2);
	assert_true(s.bytes > 2 && s.bytes <= s.budget);
	/* Stored again: replaced, not doubled. */
	assert_int_equal(respcache_put("/a?", 200, 0, hdrs, 1, "[1]", 3, 1), 0);
	respcache_stats(&s);
	assert_int_equal(s.entries, 1);
	assert_int_equal(respcache_get("/a?")->len, 3);
}

static void
test_generation_drops_all(void **state)
{
	struct respcache_stats	s;

	(void)state;
	assert_int_equal(respcache_put("/a?", 200, 1, hdrs, 2, "{}", 2, 1), 0);
	respcache_generation(1);
	assert_non_null(respcache_get("/a?"));
	respcache_generation(2);
	assert_null(respcache_get("/a?"));
	respcache_stats(&s);
	assert_int_equal(s.entries, 0);
	assert_int_equal(s.bytes, 0);
	assert_int_equal(s.generation, 2);
	assert_int_equal(s.flushes, 1);
	/* Unknown generation: nothing is kept. */
	respcache_generation(-1);
	assert_int_equal(respcache_put("/a?", 200, 1, hdrs, 2, "{}", 2, 1), -1);
}

static void
test_budget_lru(void **state)
{
	static char		 body[4000];
	struct respcache_stats	 s;
	char			 key[32];
	int			 i;

	(void)state;
	memset(body, 'x', sizeof(body));
	/* A quarter of the budget at most per entry. */
	assert_int_equal(respcache_put("/big?", 200, 1, NULL, 0, body, 0, 1) ,
	    0);
	respcache_init(16000);
	respcache_generation(1);
	assert_int_equal(respcache_put("/big?", 200, 1, NULL, 0, body,
	    sizeof(body), 1), -1);
	for (i = 0; i < 10; i++) {
		snprintf(key, sizeof(key), "/k%d?", i);
		assert_int_equal(respcache_put(key, 200, 1, NULL, 0, body,
		    3000, 1), 0);
		if (i >= 1)
			assert_non_null(respcache_get("/k0?"));	/* keep it used */
		respcache_stats(&s);
		assert_true(s.bytes <= s.budget);
	}
	respcache_stats(&s);
	assert_true(s.evictions > 0);
	assert_non_null(respcache_get("/k0?"));
	assert_non_null(respcache_get("/k9?"));
	assert_null(respcache_get("/k1?"));
	/* No budget: nothing is kept. */
	respcache_init(0);
	assert_int_equal(respcache_put("/a?", 200, 1, NULL, 0, "{}", 2, 1), -1);
}

/* An entry packed in one worker is the same entry in another. */
static void
test_pack_round_trip(void **state)
{
	const struct rc_entry	*e;
	struct respcache_stats	 s, before;
	unsigned char		*buf;
	size_t			 len;

	(void)state;
	assert_null(respcache_pack("/a?", &len));
	assert_int_equal(respcache_put("/a?g=1", 200, 1, hdrs, 2, "[1,2]", 5,
	    4.0), 0);
	respcache_stats(&before);
	assert_non_null(buf = respcache_pack("/a?g=1", &len));
	respcache_stats(&s);
	/* Packing counts nothing. */
	assert_int_equal(s.hits, before.hits);
	assert_int_equal(s.misses, before.misses);
	/* The other worker: a cache of its own, the same generation. */
	respcache_init(64 * 1024);
	assert_int_equal(respcache_put_packed(buf, len), 0);
	assert_non_null(e = respcache_get("/a?g=1"));
	assert_int_equal(e->status, 200);
	assert_int_equal(e->own_etag, 1);
	assert_int_equal(e->nheaders, 2);
	assert_string_equal(e->headers, "content-type");
	assert_string_equal(e->headers + 13, "application/json");
	assert_string_equal(e->headers + 30, "x-total-count");
	assert_string_equal(e->headers + 44, "3");
	assert_int_equal(e->len, 5);
	assert_memory_equal(e->body, "[1,2]", 5);
	respcache_stats(&s);
	assert_int_equal(s.entries, 1);
	assert_int_equal(s.shared, 1);
	assert_true(s.fill_ms == 0.0);	/* made elsewhere */
	/* Received again: replaced, not doubled. */
	assert_int_equal(respcache_put_packed(buf, len), 0);
	respcache_stats(&s);
	assert_int_equal(s.entries, 1);
	/* A worker at another generation does not keep it. */
	respcache_generation(2);
	assert_int_equal(respcache_put_packed(buf, len), -1);
	assert_null(respcache_get("/a?g=1"));
	respcache_stats(&s);
	assert_int_equal(s.shared, 0);
	free(buf);
}

/* Whatever arrives malformed is refused, never read past its end. */
static void
test_pack_malformed(void **state)
{
	unsigned char	*buf, *bad;
	size_t		 len, i;
	struct respcache_stats	s;

	(void)state;
	assert_int_equal(respcache_put("/b?", 200, 0, hdrs, 2, "{}", 2, 1), 0);
	assert_non_null(buf = respcache_pack("/b?", &len));
	respcache_init(64 * 1024);
	respcache_generation(1);
	assert_int_equal(respcache_put_packed(NULL, 0), -1);
	/* Every shorter buffer (its own copy: ASan sees a read past it). */
	for (i = 0; i < len; i++) {
		assert_non_null(bad = malloc(i > 0 ? i : 1));
		memcpy(bad, buf, i);
		assert_int_equal(respcache_put_packed(bad, i), -1);
		free(bad);
	}
	/* One more byte than its fields say. */
	assert_non_null(bad = malloc(len + 1));
	memcpy(bad, buf, len);
	bad[len] = 'x';
	assert_int_equal(respcache_put_packed(bad, len + 1), -1);
	free(bad);
	/* Each byte of the head changed, one at a time: refused or kept
	 * whole, never a crash. */
	assert_non_null(bad = malloc(len));
	for (i = 0; i < 64; i++) {
		memcpy(bad, buf, len);
		bad[i] ^= 0x5a;
		(void)respcache_put_packed(bad, len);
	}
	/* The key's NUL gone: not one string. */
	memcpy(bad, buf, len);
	bad[64 + 3] = 'x';
	assert_int_equal(respcache_put_packed(bad, len), -1);
	/* A header's NUL gone: fewer strings than 2 x nheaders. */
	memcpy(bad, buf, len);
	bad[64 + 4 + 12] = 'x';
	assert_int_equal(respcache_put_packed(bad, len), -1);
	free(bad);
	respcache_init(64 * 1024);
	respcache_generation(1);
	assert_int_equal(respcache_put_packed(buf, len), 0);
	respcache_stats(&s);
	assert_int_equal(s.entries, 1);
	free(buf);
}

UNIT_MAIN("respcache",
    cmocka_unit_test_setup_teardown(test_put_get, setup, teardown),
    cmocka_unit_test_setup_teardown(test_generation_drops_all, setup,
	teardown),
    cmocka_unit_test_setup_teardown(test_budget_lru, setup, teardown),
    cmocka_unit_test_setup_teardown(test_pack_round_trip, setup, teardown),
    cmocka_unit_test_setup_teardown(test_pack_malformed, setup, teardown))

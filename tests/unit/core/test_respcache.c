/*
 * test_respcache: the response cache's generations, budget and LRU order.
 */
#include <stdio.h>
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

UNIT_MAIN("respcache",
    cmocka_unit_test_setup_teardown(test_put_get, setup, teardown),
    cmocka_unit_test_setup_teardown(test_generation_drops_all, setup,
	teardown),
    cmocka_unit_test_setup_teardown(test_budget_lru, setup, teardown))

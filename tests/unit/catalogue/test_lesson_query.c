/* Unit tests of lesson_query.c: the lesson finder's parameters. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "catalogue/lesson_query.h"

/* A fake query string: "key=value" strings, NULL terminated. */
static const char *
get(const void *src, const char *key)
{
	const char *const	*kv = src;
	size_t			 i, len;

	len = strlen(key);
	for (i = 0; kv[i] != NULL; i++) {
		if (strncmp(kv[i], key, len) == 0 && kv[i][len] == '=')
			return (kv[i] + len + 1);
	}
	return (NULL);
}

static void
test_defaults(void **state)
{
	const char		*kv[] = { NULL };
	struct lesson_query	 q;
	struct param_errors	 e;

	(void)state;
	assert_int_equal(lesson_query_parse(&q, get, kv, &e), 0);
	assert_null(q.goal);
	assert_int_equal(q.related, RELATED_NONE);
	assert_int_equal(q.limit, LESSON_LIMIT_DEFAULT);
	assert_int_equal(q.offset, 0);
	assert_int_equal(q.max_minutes, 0);
}

static void
test_full(void **state)
{
	const char		*kv[] = { "goal=DG2.1", "framework=CNU-DG-2019",
				    "related=exact", "level=havo-2",
				    "stage=onderbouw-vo", "theme=loverboys",
				    "evidence=unknown", "max_minutes=50",
				    "programme=MNOS", "q=uitbuiting",
				    "target_group=lvb", "kind=module",
				    "school=00000000-0000-4000-a000-00000000000a",
				    "limit=10", "offset=30", NULL };
	struct lesson_query	 q;
	struct param_errors	 e;

	(void)state;
	assert_int_equal(lesson_query_parse(&q, get, kv, &e), 0);
	assert_string_equal(q.goal, "DG2.1");
	assert_string_equal(q.framework, "CNU-DG-2019");
	assert_int_equal(q.related, RELATED_EXACT);
	assert_string_equal(lesson_related_name(q.related), "exact");
	assert_string_equal(q.level, "havo-2");
	assert_string_equal(q.stage, "onderbouw-vo");
	assert_string_equal(q.theme, "loverboys");
	assert_int_equal(q.max_minutes, 50);
	assert_string_equal(q.q, "uitbuiting");
	assert_string_equal(q.target_group, "lvb");
	assert_string_equal(q.kind, "module");
	assert_string_equal(q.school, "00000000-0000-4000-a000-00000000000a");
	assert_int_equal(q.limit, 10);
	assert_int_equal(q.offset, 30);
}

static const struct {
	const char	*param;
	const char	*field;
} bad[] = {
	{ "goal=DG'2",			"goal" },
	{ "related=fuzzy",		"related" },
	{ "kind=cursus",		"kind" },
	{ "school=A",			"school" },
	{ "related=exact",		"related" },	/* without goal */
	{ "framework=CNU",		"framework" },	/* without goal */
	{ "level=<b>",			"level" },
	{ "max_minutes=0",		"max_minutes" },
	{ "max_minutes=1441",		"max_minutes" },
	{ "max_minutes=ten",		"max_minutes" },
	{ "q=",				"q" },
	{ "limit=101",			"limit" },
	{ "offset=-3",			"offset" },
	{ "theme=",			"theme" },
};

static void
test_bad(void **state)
{
	struct lesson_query	 q;
	struct param_errors	 e;
	const char		*kv[2];
	size_t			 i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		kv[0] = bad[i].param;
		kv[1] = NULL;
		if (lesson_query_parse(&q, get, kv, &e) != 1)
			fail_msg("%s: %zu errors", bad[i].param, e.n);
		assert_string_equal(e.field[0], bad[i].field);
	}
}

static void
test_uuid_goal(void **state)
{
	const char		*kv[] = {
	    "goal=82c7db22-1b7f-4890-8720-dd2aa8373b56", "related=all", NULL };
	struct lesson_query	 q;
	struct param_errors	 e;

	(void)state;
	assert_int_equal(lesson_query_parse(&q, get, kv, &e), 0);
	assert_int_equal(q.related, RELATED_ALL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_full),
		cmocka_unit_test(test_bad),
		cmocka_unit_test(test_uuid_goal),
	};

	return (cmocka_run_group_tests_name("lesson_query", tests, NULL,
	    NULL));
}

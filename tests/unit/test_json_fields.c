/* Unit tests of json_fields.c: body validation, table-driven. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "json_fields.h"

static const char *const	statuses[] = { "draft", "published", NULL };

static const struct field_spec	specs[] = {
	{ "title",	FT_STRING,	1, 0, 20, 0, NULL },
	{ "summary",	FT_TEXT,	0, 0, 50, 0, NULL },
	{ "code",	FT_CODE,	0, 0, 10, 0, NULL },
	{ "goal_id",	FT_UUID,	0, 0, 0, 0, NULL },
	{ "minutes",	FT_INT,		0, 1, 1440, 0, NULL },
	{ "sensitive",	FT_BOOL,	0, 0, 0, 0, NULL },
	{ "status",	FT_ENUM,	1, 0, 0, 0, statuses },
	{ "themes",	FT_STRING_ARRAY, 0, 0, 10, 3, NULL },
	{ "levels",	FT_CODE_ARRAY,	0, 0, 10, 3, NULL },
	{ "messages",	FT_JSON_ARRAY,	0, 0, 0, 2, NULL },
};
#define NSPECS	(sizeof(specs) / sizeof(specs[0]))

static const struct {
	const char	*body;
	int		 mode;
	size_t		 errors;
	const char	*field;		/* of the first error */
} cases[] = {
	{ "{\"title\":\"Les 1\",\"status\":\"draft\"}", FIELD_CREATE, 0, NULL },
	{ "{\"title\":\"Les 1\",\"status\":\"draft\",\"summary\":null,"
	  "\"code\":\"L-1\",\"goal_id\":\"82c7db22-1b7f-4890-8720-"
	  "dd2aa8373b56\",\"minutes\":50,\"sensitive\":true,"
	  "\"themes\":[\"media\"],\"levels\":[\"havo-2\"],"
	  "\"messages\":[{},1]}", FIELD_CREATE, 0, NULL },
	{ "{\"status\":\"draft\"}", FIELD_CREATE, 1, "title" },
	{ "{\"title\":\"x\",\"status\":\"draft\",\"evil\":1}", FIELD_CREATE,
	  1, "evil" },
	{ "{\"title\":5,\"status\":\"draft\"}", FIELD_CREATE, 1, "title" },
	{ "{\"title\":\"\",\"status\":\"draft\"}", FIELD_CREATE, 1, "title" },
	{ "{\"title\":\" x\",\"status\":\"draft\"}", FIELD_CREATE, 1,
	  "title" },
	{ "{\"title\":\"123456789012345678901\",\"status\":\"draft\"}",
	  FIELD_CREATE, 1, "title" },
	/* 20 code points, 40 bytes: fits. */
	{ "{\"title\":\"\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9"
	  "\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9"
	  "\\u00e9\\u00e9\\u00e9\\u00e9\",\"status\":\"draft\"}",
	  FIELD_CREATE, 0, NULL },
	{ "{\"title\":\"x\",\"status\":\"gone\"}", FIELD_CREATE, 1, "status" },
	{ "{\"title\":\"x\",\"status\":\"draft\",\"minutes\":0}", FIELD_CREATE,
	  1, "minutes" },
	{ "{\"title\":\"x\",\"status\":\"draft\",\"minutes\":\"50\"}",
	  FIELD_CREATE, 1, "minutes" },
	{ "{\"title\":\"x\",\"status\":\"draft\",\"minutes\":1.5}",
	  FIELD_CREATE, 1, "minutes" },
	{ "{\"title\":\"x\",\"status\":\"draft\",\"sensitive\":1}",
	  FIELD_CREATE, 1, "sensitive" },
	{ "{\"title\":\"x\",\"status\":\"draft\",\"goal_id\":\"12\"}",
	  FIELD_CREATE, 1, "goal_id" },
	{ "{\"title\":\"x\",\"status\":\"draft\",\"code\":\"a;b\"}",
	  FIELD_CREATE, 1, "code" },
	{ "{\"title\":\"x\",\"status\":\"draft\",\"themes\":\"media\"}",
	  FIELD_CREATE, 1, "themes" },
	{ "{\"title\":\"x\",\"status\":\"draft\",\"themes\":[1]}",
	  FIELD_CREATE, 1, "themes" },
	{ "{\"title\":\"x\",\"status\":\"draft\",\"themes\":[\"a\",\"b\","
	  "\"c\",\"d\"]}", FIELD_CREATE, 1, "themes" },
	{ "{\"title\":\"x\",\"status\":\"draft\",\"levels\":[\"<b>\"]}",
	  FIELD_CREATE, 1, "levels" },
	{ "{\"title\":\"x\",\"status\":\"draft\",\"messages\":{}}",
	  FIELD_CREATE, 1, "messages" },
	{ "{\"summary\":null}", FIELD_PATCH, 0, NULL },
	{ "{\"title\":null}", FIELD_PATCH, 1, "title" },
	{ "{}", FIELD_PATCH, 1, "" },
	{ "[]", FIELD_CREATE, 1, "" },
};

static void
test_table(void **state)
{
	struct param_errors	 e;
	json_t			*obj;
	size_t			 i, n;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		obj = json_loads(cases[i].body, 0, NULL);
		assert_non_null(obj);
		n = json_fields_check(obj, specs, NSPECS, cases[i].mode, &e);
		if (n != cases[i].errors)
			fail_msg("case %zu %s: %zu errors (first: %s)", i,
			    cases[i].body, n, n ? e.field[0] : "-");
		if (cases[i].field != NULL)
			assert_string_equal(e.field[0], cases[i].field);
		json_decref(obj);
	}
}

static void
test_all_errors_reported(void **state)
{
	struct param_errors	 e;
	json_t			*obj;

	(void)state;
	obj = json_loads("{\"title\":1,\"minutes\":-1,\"x\":2}", 0, NULL);
	assert_int_equal(json_fields_check(obj, specs, NSPECS, FIELD_CREATE,
	    &e), 4);	/* title, minutes, x, missing status */
	json_decref(obj);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_all_errors_reported),
	};

	return (cmocka_run_group_tests_name("json_fields", tests, NULL,
	    NULL));
}

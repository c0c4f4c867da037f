/* Unit tests of json_fields.c: body validation, table-driven. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "core/json_fields.h"

static const char *const	statuses[] = { "draft", "published", NULL };

/* The fields of one object of "parts". */
static const struct field_spec	part_fields[] = {
	FIELD("number",	FT_INT,		1, 1, 9, 0, NULL),
	FIELD("title",	FT_STRING,	0, 0, 10, 0, NULL),
};
static const struct field_table	parts = FIELD_TABLE(part_fields);

/* One field of every kind, with small limits. */
static const struct field_spec	specs[] = {
	FIELD("title",	FT_STRING,	1, 0, 20, 0, NULL),
	FIELD("summary",	FT_TEXT,	0, 0, 50, 0, NULL),
	FIELD("code",	FT_CODE,	0, 0, 10, 0, NULL),
	FIELD("goal_id",	FT_UUID,	0, 0, 0, 0, NULL),
	FIELD("minutes",	FT_INT,		0, 1, 1440, 0, NULL),
	FIELD("sensitive",	FT_BOOL,	0, 0, 0, 0, NULL),
	FIELD("status",	FT_ENUM,	1, 0, 0, 0, statuses),
	FIELD("themes",	FT_STRING_ARRAY, 0, 0, 10, 3, NULL),
	FIELD("levels",	FT_CODE_ARRAY,	0, 0, 10, 3, NULL),
	FIELD("messages",	FT_OBJECT_ARRAY, 0, 0, 0, 2, NULL),
	FIELD("url",	FT_URL,		0, 0, 30, 0, NULL),
	FIELD_OBJECTS("parts", 0, 2, &parts),
};
#define NSPECS	(sizeof(specs) / sizeof(specs[0]))

/* Required fields of the kinds that may otherwise be null. */
static const struct field_spec	required[] = {
	FIELD("note",	FT_TEXT,	1, 0, 10, 0, NULL),
	FIELD("goal_id",	FT_UUID,	1, 0, 0, 0, NULL),
	FIELD("minutes",	FT_INT,		1, 0, 10, 0, NULL),
	FIELD("url",	FT_URL,		1, 0, 30, 0, NULL),
};
#define NREQUIRED	(sizeof(required) / sizeof(required[0]))

#define OK	"\"title\":\"Les 1\",\"status\":\"draft\""

static const struct {
	const char	*body;
	int		 mode;
	size_t		 errors;
	const char	*field;		/* of the first error */
} cases[] = {
	{ "{" OK "}", FIELD_CREATE, 0, NULL },
	{ "{" OK ",\"summary\":null,"
	  "\"code\":\"L-1\",\"goal_id\":\"82c7db22-1b7f-4890-8720-"
	  "dd2aa8373b56\",\"minutes\":50,\"sensitive\":true,"
	  "\"themes\":[\"media\"],\"levels\":[\"havo-2\"],"
	  "\"messages\":[{},{\"number\":1}],\"url\":\"https://slo.nl/a\"}",
	  FIELD_CREATE, 0, NULL },
	/* Nulls clear optional text, ids, numbers and URLs. */
	{ "{" OK ",\"goal_id\":null,\"minutes\":null,\"url\":null}",
	  FIELD_CREATE, 0, NULL },

	/* Required, unknown, not an object. */
	{ "{\"status\":\"draft\"}", FIELD_CREATE, 1, "title" },
	{ "{}", FIELD_CREATE, 2, "title" },
	{ "{" OK ",\"evil\":1}", FIELD_CREATE, 1, "evil" },
	{ "{" OK ",\"Title\":\"x\"}", FIELD_CREATE, 1, "Title" },
	{ "[]", FIELD_CREATE, 1, "" },
	{ "\"x\"", FIELD_CREATE, 1, "" },

	/* FT_STRING: type, empty, white space at the ends, length. */
	{ "{\"title\":5,\"status\":\"draft\"}", FIELD_CREATE, 1, "title" },
	{ "{\"title\":null,\"status\":\"draft\"}", FIELD_CREATE, 1, "title" },
	{ "{\"title\":\"\",\"status\":\"draft\"}", FIELD_CREATE, 1, "title" },
	{ "{\"title\":\" x\",\"status\":\"draft\"}", FIELD_CREATE, 1,
	  "title" },
	{ "{\"title\":\"x \",\"status\":\"draft\"}", FIELD_CREATE, 1,
	  "title" },
	{ "{\"title\":\"x\\n\",\"status\":\"draft\"}", FIELD_CREATE, 1,
	  "title" },
	{ "{\"title\":\"\\tx\",\"status\":\"draft\"}", FIELD_CREATE, 1,
	  "title" },
	{ "{\"title\":[\"x\"],\"status\":\"draft\"}", FIELD_CREATE, 1,
	  "title" },
	/* 20 characters fit, 21 do not. */
	{ "{\"title\":\"12345678901234567890\",\"status\":\"draft\"}",
	  FIELD_CREATE, 0, NULL },
	{ "{\"title\":\"123456789012345678901\",\"status\":\"draft\"}",
	  FIELD_CREATE, 1, "title" },
	/* 20 code points, 40 bytes: fits (limits count characters). */
	{ "{\"title\":\"\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9"
	  "\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9"
	  "\\u00e9\\u00e9\\u00e9\\u00e9\",\"status\":\"draft\"}",
	  FIELD_CREATE, 0, NULL },
	/* Control characters: only tab, LF and CR inside text. */
	{ "{\"title\":\"a\\u0007b\",\"status\":\"draft\"}", FIELD_CREATE, 1,
	  "title" },
	{ "{\"title\":\"a\\u007fb\",\"status\":\"draft\"}", FIELD_CREATE, 1,
	  "title" },
	{ "{" OK ",\"summary\":\"regel 1\\nregel 2\\tmet tab\"}",
	  FIELD_CREATE, 0, NULL },

	/* FT_TEXT: like a string, and null. */
	{ "{" OK ",\"summary\":\"\"}", FIELD_CREATE, 1, "summary" },
	{ "{" OK ",\"summary\":false}", FIELD_CREATE, 1, "summary" },
	{ "{" OK ",\"summary\":\"123456789012345678901234567890123456789"
	  "012345678901\"}", FIELD_CREATE, 1, "summary" },

	/* FT_ENUM. */
	{ "{\"title\":\"x\",\"status\":\"gone\"}", FIELD_CREATE, 1, "status" },
	{ "{\"title\":\"x\",\"status\":\"Draft\"}", FIELD_CREATE, 1,
	  "status" },
	{ "{\"title\":\"x\",\"status\":null}", FIELD_CREATE, 1, "status" },
	{ "{\"title\":\"x\",\"status\":1}", FIELD_CREATE, 1, "status" },

	/* FT_INT: bounds inclusive, integers only. */
	{ "{" OK ",\"minutes\":1}", FIELD_CREATE, 0, NULL },
	{ "{" OK ",\"minutes\":1440}", FIELD_CREATE, 0, NULL },
	{ "{" OK ",\"minutes\":0}", FIELD_CREATE, 1, "minutes" },
	{ "{" OK ",\"minutes\":1441}", FIELD_CREATE, 1, "minutes" },
	{ "{" OK ",\"minutes\":-9223372036854775807}", FIELD_CREATE, 1,
	  "minutes" },
	{ "{" OK ",\"minutes\":\"50\"}", FIELD_CREATE, 1, "minutes" },
	{ "{" OK ",\"minutes\":1.5}", FIELD_CREATE, 1, "minutes" },
	{ "{" OK ",\"minutes\":50.0}", FIELD_CREATE, 1, "minutes" },
	{ "{" OK ",\"minutes\":true}", FIELD_CREATE, 1, "minutes" },

	/* FT_BOOL. */
	{ "{" OK ",\"sensitive\":false}", FIELD_CREATE, 0, NULL },
	{ "{" OK ",\"sensitive\":1}", FIELD_CREATE, 1, "sensitive" },
	{ "{" OK ",\"sensitive\":\"true\"}", FIELD_CREATE, 1, "sensitive" },
	{ "{" OK ",\"sensitive\":null}", FIELD_CREATE, 1, "sensitive" },

	/* FT_UUID. */
	{ "{" OK ",\"goal_id\":\"82C7DB22-1B7F-4890-8720-DD2AA8373B56\"}",
	  FIELD_CREATE, 0, NULL },
	{ "{" OK ",\"goal_id\":\"12\"}", FIELD_CREATE, 1, "goal_id" },
	{ "{" OK ",\"goal_id\":\"82c7db22-1b7f-4890-8720-dd2aa8373b5g\"}",
	  FIELD_CREATE, 1, "goal_id" },
	{ "{" OK ",\"goal_id\":42}", FIELD_CREATE, 1, "goal_id" },

	/* FT_CODE: characters and byte length. */
	{ "{" OK ",\"code\":\"PO KD 34\"}", FIELD_CREATE, 0, NULL },
	{ "{" OK ",\"code\":\"1234567890\"}", FIELD_CREATE, 0, NULL },
	{ "{" OK ",\"code\":\"12345678901\"}", FIELD_CREATE, 1, "code" },
	{ "{" OK ",\"code\":\"a;b\"}", FIELD_CREATE, 1, "code" },
	{ "{" OK ",\"code\":\"\"}", FIELD_CREATE, 1, "code" },
	{ "{" OK ",\"code\":\"\\u00e9\"}", FIELD_CREATE, 1, "code" },
	{ "{" OK ",\"code\":null}", FIELD_CREATE, 1, "code" },

	/* FT_URL: http(s) only, no white space, byte length. */
	{ "{" OK ",\"url\":\"http://example.org\"}", FIELD_CREATE, 0, NULL },
	{ "{" OK ",\"url\":\"javascript:alert(1)\"}", FIELD_CREATE, 1,
	  "url" },
	{ "{" OK ",\"url\":\"ftp://example.org\"}", FIELD_CREATE, 1, "url" },
	{ "{" OK ",\"url\":\"https://\"}", FIELD_CREATE, 1, "url" },
	{ "{" OK ",\"url\":\"https://a b.nl\"}", FIELD_CREATE, 1, "url" },
	{ "{" OK ",\"url\":\"https://a.nl/\\\"><script>\"}", FIELD_CREATE,
	  1, "url" },
	{ "{" OK ",\"url\":\"https://example.org/123456789012\"}",
	  FIELD_CREATE, 1, "url" },
	{ "{" OK ",\"url\":\"HTTPS://EXAMPLE.ORG\"}", FIELD_CREATE, 1,
	  "url" },

	/* Arrays: type, items, number of items. */
	{ "{" OK ",\"themes\":[]}", FIELD_CREATE, 0, NULL },
	{ "{" OK ",\"themes\":[\"a\",\"b\",\"c\"]}", FIELD_CREATE, 0, NULL },
	{ "{" OK ",\"themes\":[\"a\",\"b\",\"c\",\"d\"]}", FIELD_CREATE, 1,
	  "themes" },
	{ "{" OK ",\"themes\":\"media\"}", FIELD_CREATE, 1, "themes" },
	{ "{" OK ",\"themes\":[1]}", FIELD_CREATE, 1, "themes" },
	{ "{" OK ",\"themes\":[\"\"]}", FIELD_CREATE, 1, "themes" },
	{ "{" OK ",\"themes\":[\"12345678901\"]}", FIELD_CREATE, 1,
	  "themes" },
	{ "{" OK ",\"themes\":null}", FIELD_CREATE, 1, "themes" },
	{ "{" OK ",\"levels\":[\"<b>\"]}", FIELD_CREATE, 1, "levels" },
	{ "{" OK ",\"levels\":[null]}", FIELD_CREATE, 1, "levels" },
	{ "{" OK ",\"levels\":[\"a\",\"b\",\"c\",\"d\"]}", FIELD_CREATE, 1,
	  "levels" },
	{ "{" OK ",\"messages\":{}}", FIELD_CREATE, 1, "messages" },
	{ "{" OK ",\"messages\":[{},1]}", FIELD_CREATE, 1, "messages" },
	{ "{" OK ",\"messages\":[\"x\"]}", FIELD_CREATE, 1, "messages" },
	{ "{" OK ",\"messages\":[{},{},{}]}", FIELD_CREATE, 1, "messages" },

	/* Objects with fields of their own: each checked to the leaf. */
	{ "{" OK ",\"parts\":[{\"number\":1},{\"number\":2,"
	  "\"title\":\"Deel 2\"}]}", FIELD_CREATE, 0, NULL },
	{ "{" OK ",\"parts\":[{\"number\":1},{}]}", FIELD_CREATE, 1,
	  "parts" },
	{ "{" OK ",\"parts\":[{\"number\":10}]}", FIELD_CREATE, 1,
	  "parts" },
	{ "{" OK ",\"parts\":[{\"number\":1,\"evil\":1}]}",
	  FIELD_CREATE, 1, "parts" },
	{ "{" OK ",\"parts\":[{\"number\":1,\"title\":7}]}",
	  FIELD_CREATE, 1, "parts" },

	/* PATCH: nothing required, but at least one field. */
	{ "{\"summary\":null}", FIELD_PATCH, 0, NULL },
	{ "{\"minutes\":5}", FIELD_PATCH, 0, NULL },
	{ "{\"title\":null}", FIELD_PATCH, 1, "title" },
	{ "{\"status\":\"x\"}", FIELD_PATCH, 1, "status" },
	{ "{\"evil\":null}", FIELD_PATCH, 1, "evil" },
	{ "{}", FIELD_PATCH, 1, "" },
	{ "[]", FIELD_PATCH, 1, "" },
};

static void
test_table(void **state)
{
	struct param_errors	 e;
	json_t			*obj;
	size_t			 i, n;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		obj = json_loads(cases[i].body, JSON_DECODE_ANY, NULL);
		if (obj == NULL)
			fail_msg("case %zu: not JSON: %s", i, cases[i].body);
		n = json_fields_check(obj, specs, NSPECS, cases[i].mode, &e);
		if (n != cases[i].errors)
			fail_msg("case %zu %s: %zu errors (first: %s)", i,
			    cases[i].body, n, n ? e.field[0] : "-");
		if (cases[i].field != NULL)
			assert_string_equal(e.field[0], cases[i].field);
		for (n = 0; n < e.n; n++)
			assert_true(strlen(e.message[n]) > 0);
		json_decref(obj);
	}
}

/* Text, ids, numbers and URLs may be null only when not required. */
static void
test_required_null(void **state)
{
	static const struct {
		const char	*body;
		int		 mode;
		size_t		 errors;
	} rcases[] = {
		{ "{\"note\":\"x\",\"goal_id\":\"82c7db22-1b7f-4890-8720-"
		  "dd2aa8373b56\",\"minutes\":0,\"url\":\"https://a.nl\"}",
		  FIELD_CREATE, 0 },
		{ "{\"note\":null,\"goal_id\":null,\"minutes\":null,"
		  "\"url\":null}", FIELD_CREATE, 4 },
		{ "{\"note\":null,\"goal_id\":null,\"minutes\":null,"
		  "\"url\":null}", FIELD_PATCH, 4 },
		{ "{}", FIELD_CREATE, 4 },
		{ "{\"minutes\":3}", FIELD_PATCH, 0 },
	};
	struct param_errors	 e;
	json_t			*obj;
	size_t			 i, n;

	(void)state;
	for (i = 0; i < sizeof(rcases) / sizeof(rcases[0]); i++) {
		obj = json_loads(rcases[i].body, 0, NULL);
		assert_non_null(obj);
		n = json_fields_check(obj, required, NREQUIRED,
		    rcases[i].mode, &e);
		if (n != rcases[i].errors)
			fail_msg("case %zu %s: %zu errors", i, rcases[i].body,
			    n);
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
	assert_string_equal(e.field[0], "title");
	assert_string_equal(e.field[1], "minutes");
	assert_string_equal(e.field[2], "x");
	assert_string_equal(e.field[3], "status");
	json_decref(obj);
}

/* More errors than PARAM_MAX_ERRORS: the first ones are kept, no overrun. */
static void
test_many_errors(void **state)
{
	struct param_errors	 e;
	json_t			*obj;
	char			 key[16];
	int			 i;

	(void)state;
	obj = json_object();
	for (i = 0; i < 40; i++) {
		(void)snprintf(key, sizeof(key), "k%d", i);
		json_object_set_new(obj, key, json_integer(i));
	}
	assert_int_equal(json_fields_check(obj, specs, NSPECS, FIELD_CREATE,
	    &e), PARAM_MAX_ERRORS);
	assert_string_equal(e.field[0], "k0");
	json_decref(obj);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_required_null),
		cmocka_unit_test(test_all_errors_reported),
		cmocka_unit_test(test_many_errors),
	};

	return (cmocka_run_group_tests_name("json_fields", tests, NULL,
	    NULL));
}

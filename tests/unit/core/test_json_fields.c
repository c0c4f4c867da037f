/* Unit tests of json_fields.c: body validation, table-driven. */
#include <stdio.h>
#include "unit.h"

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
#define NSPECS	(UNIT_COUNT(specs))

/* Required fields of the kinds that may otherwise be null. */
static const struct field_spec	required[] = {
	FIELD("note",	FT_TEXT,	1, 0, 10, 0, NULL),
	FIELD("goal_id",	FT_UUID,	1, 0, 0, 0, NULL),
	FIELD("minutes",	FT_INT,		1, 0, 10, 0, NULL),
	FIELD("url",	FT_URL,		1, 0, 30, 0, NULL),
};
#define NREQUIRED	(UNIT_COUNT(required))

#define OK	"\"title\":\"Les 1\",\"status\":\"draft\""

/* OK with one more KEY of VALUE (JSON text): accepted, or refused in KEY. */
#define WITH(key, value)	"{" OK ",\"" key "\":" value "}"
#define GOOD(key, value)	{ WITH(key, value), FIELD_CREATE, 0, NULL }
#define BAD(key, value)		{ WITH(key, value), FIELD_CREATE, 1, key }

/* A body, how it is checked and what the check finds. */
struct body_case {
	const char	*body;
	int		 mode;
	size_t		 errors;
	const char	*field;		/* of the first error, when not NULL */
};

/*
 * Check each of BODIES against the FIELDS: the number of errors
 * and the field of the first are as the case says, and every error has a
 * message; a failure names the case and its body.
 */
static void
check_bodies(const struct body_case *bodies, size_t n_bodies,
    const struct field_spec *fields, size_t nfields)
{
	struct param_errors	 e;
	json_t			*obj;
	size_t			 i, n;

	for (i = 0; i < n_bodies; i++) {
		obj = unit_json(bodies[i].body);
		n = json_fields_check(obj, fields, nfields, bodies[i].mode, &e);
		if (n != bodies[i].errors)
			fail_msg("case %zu %s: %zu errors (first: %s)", i,
			    bodies[i].body, n, n ? e.field[0] : "-");
		if (bodies[i].field != NULL &&
		    strcmp(e.field[0], bodies[i].field) != 0)
			fail_msg("case %zu %s: first error in %s, expected %s",
			    i, bodies[i].body, e.field[0], bodies[i].field);
		for (n = 0; n < e.n; n++)
			if (strlen(e.message[n]) == 0)
				fail_msg("case %zu %s: error %zu without a "
				    "message", i, bodies[i].body, n);
		json_decref(obj);
	}
}

static const struct body_case	cases[] = {
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
	BAD("evil", "1"),
	BAD("Title", "\"x\""),
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
	GOOD("summary", "\"regel 1\\nregel 2\\tmet tab\""),

	/* FT_TEXT: like a string, and null. */
	BAD("summary", "\"\""),
	BAD("summary", "false"),
	{ "{" OK ",\"summary\":\"123456789012345678901234567890123456789"
	  "012345678901\"}", FIELD_CREATE, 1, "summary" },

	/* FT_ENUM. */
	{ "{\"title\":\"x\",\"status\":\"gone\"}", FIELD_CREATE, 1, "status" },
	{ "{\"title\":\"x\",\"status\":\"Draft\"}", FIELD_CREATE, 1,
	  "status" },
	{ "{\"title\":\"x\",\"status\":null}", FIELD_CREATE, 1, "status" },
	{ "{\"title\":\"x\",\"status\":1}", FIELD_CREATE, 1, "status" },

	/* FT_INT: bounds inclusive, integers only. */
	GOOD("minutes", "1"),
	GOOD("minutes", "1440"),
	BAD("minutes", "0"),
	BAD("minutes", "1441"),
	BAD("minutes", "-9223372036854775807"),
	BAD("minutes", "\"50\""),
	BAD("minutes", "1.5"),
	BAD("minutes", "50.0"),
	BAD("minutes", "true"),

	/* FT_BOOL. */
	GOOD("sensitive", "false"),
	BAD("sensitive", "1"),
	BAD("sensitive", "\"true\""),
	BAD("sensitive", "null"),

	/* FT_UUID. */
	GOOD("goal_id", "\"82C7DB22-1B7F-4890-8720-DD2AA8373B56\""),
	BAD("goal_id", "\"12\""),
	BAD("goal_id", "\"82c7db22-1b7f-4890-8720-dd2aa8373b5g\""),
	BAD("goal_id", "42"),

	/* FT_CODE: characters and byte length. */
	GOOD("code", "\"PO KD 34\""),
	GOOD("code", "\"1234567890\""),
	BAD("code", "\"12345678901\""),
	BAD("code", "\"a;b\""),
	BAD("code", "\"\""),
	BAD("code", "\"\\u00e9\""),
	BAD("code", "null"),

	/* FT_URL: http(s) only, no white space, byte length. */
	GOOD("url", "\"http://example.org\""),
	BAD("url", "\"javascript:alert(1)\""),
	BAD("url", "\"ftp://example.org\""),
	BAD("url", "\"https://\""),
	BAD("url", "\"https://a b.nl\""),
	BAD("url", "\"https://a.nl/\\\"><script>\""),
	BAD("url", "\"https://example.org/123456789012\""),
	BAD("url", "\"HTTPS://EXAMPLE.ORG\""),

	/* Arrays: type, items, number of items. */
	GOOD("themes", "[]"),
	GOOD("themes", "[\"a\",\"b\",\"c\"]"),
	BAD("themes", "[\"a\",\"b\",\"c\",\"d\"]"),
	BAD("themes", "\"media\""),
	BAD("themes", "[1]"),
	BAD("themes", "[\"\"]"),
	BAD("themes", "[\"12345678901\"]"),
	BAD("themes", "null"),
	BAD("levels", "[\"<b>\"]"),
	BAD("levels", "[null]"),
	BAD("levels", "[\"a\",\"b\",\"c\",\"d\"]"),
	BAD("messages", "{}"),
	BAD("messages", "[{},1]"),
	BAD("messages", "[\"x\"]"),
	BAD("messages", "[{},{},{}]"),

	/* Objects with fields of their own: each checked to the leaf. */
	{ "{" OK ",\"parts\":[{\"number\":1},{\"number\":2,"
	  "\"title\":\"Deel 2\"}]}", FIELD_CREATE, 0, NULL },
	BAD("parts", "[{\"number\":1},{}]"),
	BAD("parts", "[{\"number\":10}]"),
	BAD("parts", "[{\"number\":1,\"evil\":1}]"),
	BAD("parts", "[{\"number\":1,\"title\":7}]"),

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
	(void)state;
	check_bodies(cases, UNIT_COUNT(cases), specs, NSPECS);
}

/* Text, ids, numbers and URLs may be null only when not required. */
static void
test_required_null(void **state)
{
	static const struct body_case	rcases[] = {
		{ "{\"note\":\"x\",\"goal_id\":\"82c7db22-1b7f-4890-8720-"
		  "dd2aa8373b56\",\"minutes\":0,\"url\":\"https://a.nl\"}",
		  FIELD_CREATE, 0, NULL },
		{ "{\"note\":null,\"goal_id\":null,\"minutes\":null,"
		  "\"url\":null}", FIELD_CREATE, 4, NULL },
		{ "{\"note\":null,\"goal_id\":null,\"minutes\":null,"
		  "\"url\":null}", FIELD_PATCH, 4, NULL },
		{ "{}", FIELD_CREATE, 4, NULL },
		{ "{\"minutes\":3}", FIELD_PATCH, 0, NULL },
	};

	(void)state;
	check_bodies(rcases, UNIT_COUNT(rcases), required, NREQUIRED);
}

static void
test_all_errors_reported(void **state)
{
	struct param_errors	 e;
	json_t			*obj;

	(void)state;
	obj = unit_json("{\"title\":1,\"minutes\":-1,\"x\":2}");
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

UNIT_MAIN("json_fields",
    cmocka_unit_test(test_table),
    cmocka_unit_test(test_required_null),
    cmocka_unit_test(test_all_errors_reported),
    cmocka_unit_test(test_many_errors))

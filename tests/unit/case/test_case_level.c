/* Unit tests of case_level.c: Dutch levels as CASE educationLevel. */
#include <stdlib.h>
#include "unit.h"

#include "case/case_level.h"

static void
test_ceds(void **state)
{
	static const struct {
		int		 year;
		const char	*code;
	} cases[] = {
		{ 0, NULL }, { 1, "PK" }, { 2, "KG" }, { 3, "01" },
		{ 8, "06" }, { 9, "07" }, { 10, "08" }, { 14, "12" },
		{ 15, NULL }, { -1, NULL },
	};
	size_t	i;

	(void)state;
	for (i = 0; i < UNIT_COUNT(cases); i++) {
		if (cases[i].code == NULL)
			assert_null(case_level_ceds(cases[i].year));
		else
			assert_string_equal(case_level_ceds(cases[i].year),
			    cases[i].code);
	}
}

static void
test_parse(void **state)
{
	static const struct {
		const char		*value;
		enum case_level_kind	 kind;
		const char		*code;
	} cases[] = {
		{ "nl-niveau:havo-2", CASE_LEVEL_NL, "havo-2" },
		{ "nl-niveau:groep-1-2", CASE_LEVEL_NL, "groep-1-2" },
		{ "nl-niveau:2a1401e9-c223-493b-9b86-78f6993b1a8d",
		  CASE_LEVEL_NL, "2a1401e9-c223-493b-9b86-78f6993b1a8d" },
		{ "nl-niveau:", CASE_LEVEL_OTHER, NULL },
		{ "nl-niveau:Havo 2", CASE_LEVEL_OTHER, NULL },
		{ "nl-niveau:-x", CASE_LEVEL_OTHER, NULL },
		{ "nl-niveau:havo-2'; drop", CASE_LEVEL_OTHER, NULL },
		{ "nl-niveau:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
		  "aaaaaaaaaaaaaaaaaaaa", CASE_LEVEL_OTHER, NULL },
		{ "KG", CASE_LEVEL_CEDS, NULL },
		{ "07", CASE_LEVEL_CEDS, NULL },
		{ "PS", CASE_LEVEL_CEDS, NULL },
		{ "7", CASE_LEVEL_OTHER, NULL },
		{ "havo-2", CASE_LEVEL_OTHER, NULL },
		{ "", CASE_LEVEL_OTHER, NULL },
	};
	char	code[CASE_LEVEL_CODE_MAX + 1];
	size_t	i;

	(void)state;
	for (i = 0; i < UNIT_COUNT(cases); i++) {
		code[0] = '\0';
		assert_int_equal(case_level_parse(cases[i].value, code,
		    sizeof(code)), cases[i].kind);
		if (cases[i].code != NULL)
			assert_string_equal(code, cases[i].code);
	}
	/* a buffer too small for the code */
	assert_int_equal(case_level_parse("nl-niveau:havo-2", code, 4),
	    CASE_LEVEL_OTHER);
}

/* V as compact JSON text (NULL: NULL), until the next call; V is freed. */
static const char *
text_of(json_t *v)
{
	static char	 text[256];
	char		*s;

	if (v == NULL)
		return (NULL);
	s = json_dumps(v, JSON_COMPACT);
	json_decref(v);
	assert_non_null(s);
	assert_true(strlen(s) < sizeof(text));
	memcpy(text, s, strlen(s) + 1);
	free(s);
	return (text);
}

/* The educationLevel of the levels (JSON), as JSON text; NULL: refused. */
static const char *
education(const char *levels)
{
	json_t	*in, *out;

	in = unit_json(levels);
	out = case_level_education(in);
	json_decref(in);
	return (text_of(out));
}

static void
test_education(void **state)
{
	static const struct unit_text_pair	levels[] = {
		{ "[]", "[]" },
		{ "[{\"code\":\"havo-2\",\"years\":[10]}]",
		  "[\"08\",\"nl-niveau:havo-2\"]" },
		/* aggregate levels: every covered year once, in order */
		{ "[{\"code\":\"ob-vo\",\"years\":[11,9,10]},"
		  "{\"code\":\"havo-2\",\"years\":[10]}]",
		  "[\"07\",\"08\",\"09\",\"nl-niveau:ob-vo\","
		  "\"nl-niveau:havo-2\"]" },
		{ "[{\"code\":\"groep-1-2\",\"years\":[1,2]}]",
		  "[\"PK\",\"KG\",\"nl-niveau:groep-1-2\"]" },
		/* no school years (mbo, so): only the Dutch code */
		{ "[{\"code\":\"mbo-2\",\"years\":[]}]", "[\"nl-niveau:mbo-2\"]" },
		{ "[{\"code\":\"so\"}]", "[\"nl-niveau:so\"]" },
		{ "[{\"code\":\"x\",\"years\":[0,15,\"3\"]}]",
		  "[\"nl-niveau:x\"]" },
		{ "[{\"years\":[1]}]", NULL },
		{ "[{\"code\":1}]", NULL },
		{ "{}", NULL },
	};

	(void)state;
	unit_text_pairs(levels, education);
}

static void
test_fill(void **state)
{
	json_t	*doc;

	(void)state;
	doc = unit_json("{\"CFItems\":[{\"identifier\":\"a\",\"_levels\":"
	    "[{\"code\":\"vwo-1\",\"years\":[9]}]},{\"identifier\":\"b\","
	    "\"_levels\":[]},{\"identifier\":\"c\",\"educationLevel\":[\"09\"],"
	    "\"_levels\":[{\"code\":\"vwo-3\",\"years\":[11]}]}]}");
	assert_int_equal(case_level_fill(doc), 0);
	unit_json_equal(doc, JSON_COMPACT | JSON_SORT_KEYS,
	    "{\"CFItems\":[{\"educationLevel\":[\"07\","
	    "\"nl-niveau:vwo-1\"],\"identifier\":\"a\"},{\"identifier\":"
	    "\"b\"},{\"educationLevel\":[\"09\"],\"identifier\":\"c\"}]}");
	json_decref(doc);

	doc = unit_json("{\"CFItem\":{\"_levels\":[{\"code\":\"po\","
	    "\"years\":[3]}]},\"CFAssociations\":[]}");
	assert_int_equal(case_level_fill(doc), 0);
	unit_json_equal(doc, JSON_COMPACT | JSON_SORT_KEYS,
	    "{\"CFAssociations\":[],\"CFItem\":"
	    "{\"educationLevel\":[\"01\",\"nl-niveau:po\"]}}");
	json_decref(doc);
}

/* The Dutch level codes of an educationLevel (JSON or NULL), as JSON text. */
static const char *
codes(const char *education_level)
{
	json_t		*in;
	const char	*s;

	in = education_level != NULL ? unit_json(education_level) : NULL;
	s = text_of(case_level_codes(in));
	json_decref(in);
	assert_non_null(s);
	return (s);
}

static void
test_codes(void **state)
{
	static const struct unit_text_pair	cases[] = {
		{ NULL, "[]" },
		{ "\"nl-niveau:havo-1\"", "[\"havo-1\"]" },
		{ "\"07\"", "[]" },
		{ "[\"07\",\"nl-niveau:havo-1\",\"nl-niveau:vwo-1\",3,"
		  "\"nl-niveau:\"]", "[\"havo-1\",\"vwo-1\"]" },
	};

	(void)state;
	unit_text_pairs(cases, codes);
}

UNIT_MAIN("case_level",
    cmocka_unit_test(test_ceds),
    cmocka_unit_test(test_parse),
    cmocka_unit_test(test_education),
    cmocka_unit_test(test_fill),
    cmocka_unit_test(test_codes))

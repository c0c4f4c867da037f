/* Unit tests of case_query.c: CFDocuments filters, imsx documents. */
#include <stdlib.h>
#include "unit.h"

#include "case/case_query.h"

static void
test_filter(void **state)
{
	static const struct {
		const char	*filter;
		int		 ok;
		const char	*json;		/* when ok */
	} cases[] = {
		{ "title='Kerndoelen'", 1, "{\"logic\":\"AND\",\"terms\":"
		  "[{\"field\":\"title\",\"op\":\"=\",\"value\":\"Kerndoelen\"}]}" },
		{ "title~'kern' AND language = 'nl'", 1, "{\"logic\":\"AND\","
		  "\"terms\":[{\"field\":\"title\",\"op\":\"~\",\"value\":"
		  "\"kern\"},{\"field\":\"language\",\"op\":\"=\",\"value\":"
		  "\"nl\"}]}" },
		{ "adoptionStatus!='Deprecated' OR version>='2'", 1,
		  "{\"logic\":\"OR\",\"terms\":[{\"field\":\"adoptionStatus\","
		  "\"op\":\"!=\",\"value\":\"Deprecated\"},{\"field\":"
		  "\"version\",\"op\":\">=\",\"value\":\"2\"}]}" },
		{ "title=''", 1, "{\"logic\":\"AND\",\"terms\":[{\"field\":"
		  "\"title\",\"op\":\"=\",\"value\":\"\"}]}" },
		{ "title='a' AND language='nl' OR version='1'", 0, NULL },
		{ "password='x'", 0, NULL },
		{ "title=x", 0, NULL },
		{ "title='x", 0, NULL },
		{ "title", 0, NULL },
		{ "='x'", 0, NULL },
		{ "title=='x'", 0, NULL },
		{ "title='x' language='nl'", 0, NULL },
		{ "title='x' AND", 0, NULL },
		{ "", 0, NULL },
		{ "title='1' AND title='2' AND title='3' AND title='4' AND "
		  "title='5' AND title='6' AND title='7' AND title='8' AND "
		  "title='9'", 0, NULL },
	};
	struct case_filter	 f;
	const char		*why;
	json_t			*j;
	size_t			 i;

	(void)state;
	for (i = 0; i < UNIT_COUNT(cases); i++) {
		why = NULL;
		assert_int_equal(case_filter_parse(cases[i].filter, &f, &why),
		    cases[i].ok ? 0 : -1);
		if (!cases[i].ok) {
			assert_non_null(why);
			continue;
		}
		j = case_filter_json(&f);
		unit_json_equal(j, JSON_COMPACT, cases[i].json);
		json_decref(j);
	}
}

static void
test_fields(void **state)
{
	static const struct unit_text_case	fields[] = {
		{ "title", 1 },
		{ "lastChangeDateTime", 1 },
		{ "CFPackageURI", 0 },
		{ "Title", 0 },
		{ "", 0 },
		{ NULL, 0 },
	};

	(void)state;
	unit_text_cases(fields, case_document_field);
}

static void
test_imsx(void **state)
{
	json_t	*d;

	(void)state;
	d = case_imsx_new(IMSX_UNKNOWN_OBJECT, "Weg.");
	unit_json_equal(d, JSON_COMPACT | JSON_SORT_KEYS,
	    "{\"imsx_CodeMinor\":{\"imsx_codeMinorField\":"
	    "[{\"imsx_codeMinorFieldName\":\"TargetEndSystem\","
	    "\"imsx_codeMinorFieldValue\":\"unknownobject\"}]},"
	    "\"imsx_codeMajor\":\"failure\",\"imsx_description\":\"Weg.\","
	    "\"imsx_severity\":\"error\"}");
	json_decref(d);
	assert_int_equal(case_imsx_http(IMSX_UNKNOWN_OBJECT), 404);
	assert_int_equal(case_imsx_http(IMSX_INVALID_UUID), 400);
	assert_int_equal(case_imsx_http(IMSX_INVALID_SORT_FIELD), 400);
	assert_int_equal(case_imsx_http(IMSX_INVALID_SELECTION_FIELD), 400);
	assert_int_equal(case_imsx_http(IMSX_SERVER_BUSY), 503);
	assert_int_equal(case_imsx_http(IMSX_UNSUPPORTED), 405);
	assert_int_equal(case_imsx_http(IMSX_INTERNAL), 500);
	assert_int_equal(case_imsx_http("nonsense"), 500);
}

UNIT_MAIN("case_query",
    cmocka_unit_test(test_filter),
    cmocka_unit_test(test_fields),
    cmocka_unit_test(test_imsx))

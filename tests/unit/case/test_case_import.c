/* Unit tests of case_import.c: the meaning of the database's answer. */
#include "unit.h"

#include "case/case_import.h"

static void
test_status(void **state)
{
	static const struct unit_text_case	answers[] = {
		{ "{\"status\":\"ok\",\"created\":true}", ST_CREATED },
		{ "{\"status\":\"ok\",\"created\":false}", ST_OK },
		{ "{\"status\":\"ok\"}", ST_OK },
		{ "{\"status\":\"conflict\",\"errors\":[]}", ST_CONFLICT },
		{ "{\"status\":\"invalid\",\"errors\":[]}", ST_UNPROCESSABLE },
		/* What the API does not know is a fault, not a refusal. */
		{ "{}", ST_INTERNAL },
		{ "{\"errors\":[]}", ST_INTERNAL },
		{ "{\"status\":null}", ST_INTERNAL },
		{ "{\"status\":7}", ST_INTERNAL },
		{ "{\"status\":\"maybe\"}", ST_INTERNAL },
		{ "[]", ST_INTERNAL },
	};

	(void)state;
	unit_json_cases(answers, case_import_status);
	assert_int_equal(case_import_status(NULL), ST_INTERNAL);
}

UNIT_MAIN("case_import",
    cmocka_unit_test(test_status))

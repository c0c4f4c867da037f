/* Unit tests of case_import.c: the meaning of the database's answer. */
#include "unit.h"

#include "case/case_import.h"

static void
test_status(void **state)
{
	static const struct {
		const char	*answer;
		enum app_status	 want;
	} cases[] = {
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
	json_t	*o;
	size_t	 i;

	(void)state;
	for (i = 0; i < UNIT_COUNT(cases); i++) {
		o = unit_json(cases[i].answer);
		if (case_import_status(o) != cases[i].want)
			fail_msg("%s", cases[i].answer);
		json_decref(o);
	}
	assert_int_equal(case_import_status(NULL), ST_INTERNAL);
}

UNIT_MAIN("case_import",
    cmocka_unit_test(test_status))

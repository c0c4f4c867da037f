/* Unit tests of problem.c: RFC 9457 documents. */
#include "unit.h"

#include "core/problem.h"

static void
test_members(void **state)
{
	json_t	*p;

	(void)state;
	p = problem_new(ST_NOT_FOUND, "Deze les bestaat niet.");
	assert_non_null(p);
	assert_string_equal(json_string_value(json_object_get(p, "type")),
	    "/api/v1/problems/not-found");
	assert_string_equal(json_string_value(json_object_get(p, "title")),
	    "Niet gevonden");
	assert_int_equal(json_integer_value(json_object_get(p, "status")),
	    404);
	assert_string_equal(json_string_value(json_object_get(p, "detail")),
	    "Deze les bestaat niet.");
	assert_null(json_object_get(p, "errors"));
	json_decref(p);
}

static void
test_no_detail(void **state)
{
	json_t	*p;

	(void)state;
	p = problem_new(ST_PAYLOAD_TOO_LARGE, NULL);
	assert_non_null(p);
	assert_null(json_object_get(p, "detail"));
	assert_int_equal(json_integer_value(json_object_get(p, "status")),
	    413);
	json_decref(p);
}

static void
test_errors(void **state)
{
	json_t	*p, *e;

	(void)state;
	p = problem_new(ST_UNPROCESSABLE, "Controleer de velden.");
	assert_int_equal(problem_add_error(p, "title", "is verplicht"), 0);
	assert_int_equal(problem_add_error(p, "minutes", "moet positief "
	    "zijn"), 0);
	assert_int_equal(problem_error_count(p), 2);
	e = json_array_get(json_object_get(p, "errors"), 1);
	assert_string_equal(json_string_value(json_object_get(e, "field")),
	    "minutes");
	json_decref(p);
}

static void
test_invalid_detail(void **state)
{
	(void)state;
	/* Invalid UTF-8 cannot become a JSON string: no document at all. */
	assert_null(problem_new(ST_BAD_REQUEST, "priv\xe9"));
}

UNIT_MAIN("problem",
    cmocka_unit_test(test_members),
    cmocka_unit_test(test_no_detail),
    cmocka_unit_test(test_errors),
    cmocka_unit_test(test_invalid_detail))

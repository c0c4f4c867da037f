/* Unit tests of status.c: every status has a code, slug and title. */
#include "unit.h"

#include "core/status.h"

static const struct {
	enum app_status	s;
	int		http;
	const char	*slug;
} cases[] = {
	{ ST_OK,			200, "ok" },
	{ ST_CREATED,			201, "created" },
	{ ST_NO_CONTENT,		204, "no-content" },
	{ ST_BAD_REQUEST,		400, "bad-request" },
	{ ST_UNAUTHORIZED,		401, "unauthorized" },
	{ ST_FORBIDDEN,			403, "forbidden" },
	{ ST_NOT_FOUND,			404, "not-found" },
	{ ST_METHOD_NOT_ALLOWED,	405, "method-not-allowed" },
	{ ST_CONFLICT,			409, "conflict" },
	{ ST_PRECONDITION_FAILED,	412, "precondition-failed" },
	{ ST_PAYLOAD_TOO_LARGE,		413, "payload-too-large" },
	{ ST_UNSUPPORTED_MEDIA_TYPE,	415, "unsupported-media-type" },
	{ ST_UNPROCESSABLE,		422, "validation-failed" },
	{ ST_PRECONDITION_REQUIRED,	428, "precondition-required" },
	{ ST_TOO_MANY_REQUESTS,		429, "too-many-requests" },
	{ ST_INTERNAL,			500, "internal-error" },
	{ ST_UNAVAILABLE,		503, "service-unavailable" },
};

static void
test_table(void **state)
{
	size_t	i;

	(void)state;
	assert_int_equal(UNIT_COUNT(cases), ST__COUNT);
	for (i = 0; i < UNIT_COUNT(cases); i++) {
		assert_int_equal(status_http(cases[i].s), cases[i].http);
		assert_string_equal(status_slug(cases[i].s), cases[i].slug);
		assert_true(strlen(status_title(cases[i].s)) > 0);
		assert_int_equal(status_is_error(cases[i].s),
		    cases[i].http >= 400);
	}
}

static void
test_out_of_range(void **state)
{
	(void)state;
	assert_int_equal(status_http((enum app_status)-1), 500);
	assert_int_equal(status_http(ST__COUNT), 500);
	assert_string_equal(status_slug(ST__COUNT), "internal-error");
}

UNIT_MAIN("status",
    cmocka_unit_test(test_table),
    cmocka_unit_test(test_out_of_range))

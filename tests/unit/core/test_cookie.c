/* Unit tests of cookie.c: finding one cookie, writing Set-Cookie. */
#include "unit.h"

#include "core/cookie.h"

/* The session cookie in HEADER; NULL when cookie_get() finds none. */
static const char *
session_of(const char *header)
{
	static char	out[64];
	int		rc;

	rc = cookie_get(header, SESSION_COOKIE, out, sizeof(out));
	if (rc != 0 && rc != -1)
		fail_msg("cookie_get(\"%s\"): %d", header, rc);
	return (rc == 0 ? out : NULL);
}

static void
test_get(void **state)
{
	static const struct unit_text_pair	headers[] = {
		{ "leerlijn_session=abc", "abc" },
		{ "a=1; leerlijn_session=abc; b=2", "abc" },
		{ "a=1;leerlijn_session=abc", "abc" },
		{ "leerlijn_session=abc ", "abc" },
		{ "xleerlijn_session=abc", NULL },
		{ "leerlijn_session_x=abc", NULL },
		{ "leerlijn_session", NULL },
		{ "", NULL },
		{ "leerlijn_session=", "" },
		{ "a=leerlijn_session=abc", NULL },
	};
	char	out[64];

	(void)state;
	unit_text_pairs(headers, session_of);
	/* A value that does not fit is refused, not cut. */
	assert_int_equal(cookie_get("leerlijn_session=abcdef", SESSION_COOKIE,
	    out, 4), -1);
}

static void
test_set(void **state)
{
	char	out[256];

	(void)state;
	assert_int_equal(cookie_set_text(out, sizeof(out), SESSION_COOKIE,
	    "tok", 43200, 0), 0);
	assert_string_equal(out, "leerlijn_session=tok; Path=/; Max-Age=43200; "
	    "HttpOnly; SameSite=Strict");
	assert_int_equal(cookie_set_text(out, sizeof(out), SESSION_COOKIE,
	    "", 0, 1), 0);
	assert_string_equal(out, "leerlijn_session=; Path=/; Max-Age=0; "
	    "HttpOnly; SameSite=Strict; Secure");
	assert_int_equal(cookie_set_text(out, 10, SESSION_COOKIE, "tok", 1,
	    0), -1);
}

UNIT_MAIN("cookie",
    cmocka_unit_test(test_get),
    cmocka_unit_test(test_set))

/* Unit tests of qs.c: query string parsing, table-driven. */
#include <stdio.h>
#include "unit.h"

#include "core/qs.h"

static const struct {
	const char	*raw;
	enum qs_result	 result;
	size_t		 n;
	const char	*key;		/* checked when not NULL */
	const char	*value;
} cases[] = {
	{ NULL,			QS_OK,		 0, NULL, NULL },
	{ "",			QS_OK,		 0, NULL, NULL },
	{ "goal=DG2.1",		QS_OK,		 1, "goal", "DG2.1" },
	{ "q=priv%C3%A9",	QS_OK,		 1, "q", "priv\xc3\xa9" },
	{ "q=loverboy+geld",	QS_OK,		 1, "q", "loverboy geld" },
	{ "a=1&b=2",		QS_OK,		 2, "b", "2" },
	{ "flag",		QS_OK,		 1, "flag", "" },
	{ "a=1&",		QS_OK,		 1, "a", "1" },
	{ "a=%2",		QS_BAD_ENCODING, 0, NULL, NULL },
	{ "a=%zz",		QS_BAD_ENCODING, 0, NULL, NULL },
	{ "a=%E9",		QS_BAD_UTF8,	 0, NULL, NULL },
	{ "a=%00",		QS_BAD_UTF8,	 0, NULL, NULL },
	{ "a=1&a=2",		QS_DUPLICATE,	 0, NULL, NULL },
	{ "=1",			QS_EMPTY_KEY,	 0, NULL, NULL },
	{ "a=1&&b=2",		QS_EMPTY_KEY,	 0, NULL, NULL },
};

static void
test_parse_table(void **state)
{
	struct qs	q;
	enum qs_result	r;
	size_t		i;

	(void)state;
	for (i = 0; i < UNIT_COUNT(cases); i++) {
		r = qs_parse(&q, cases[i].raw, NULL);
		if (r != cases[i].result)
			fail_msg("'%s': result %d, expected %d",
			    cases[i].raw ? cases[i].raw : "(null)", r,
			    cases[i].result);
		if (r == QS_OK) {
			assert_int_equal(q.n, cases[i].n);
			if (cases[i].key != NULL)
				assert_string_equal(qs_get(&q, cases[i].key),
				    cases[i].value);
		}
		qs_free(&q);
	}
}

static void
test_duplicate_names_key(void **state)
{
	struct qs	 q;
	const char	*bad;

	(void)state;
	assert_int_equal(qs_parse(&q, "limit=1&limit=2", &bad), QS_DUPLICATE);
	assert_non_null(bad);
	assert_string_equal(bad, "limit");
	qs_free(&q);
}

static void
test_too_many_and_too_long(void **state)
{
	struct qs	q;
	char		raw[QS_MAX_LEN + 16];
	size_t		i, off;

	(void)state;
	off = 0;
	for (i = 0; i <= QS_MAX_PAIRS; i++)
		off += (size_t)snprintf(raw + off, sizeof(raw) - off,
		    "%sk%zu=v", i ? "&" : "", i);
	assert_int_equal(qs_parse(&q, raw, NULL), QS_TOO_MANY);
	qs_free(&q);

	memset(raw, 'a', QS_MAX_LEN + 1);
	raw[QS_MAX_LEN + 1] = '\0';
	assert_int_equal(qs_parse(&q, raw, NULL), QS_TOO_LONG);
	qs_free(&q);
}

static void
test_first_unknown(void **state)
{
	struct qs	q;

	(void)state;
	assert_int_equal(qs_parse(&q, "limit=5&offset=0&evil=1", NULL), QS_OK);
	assert_string_equal(qs_first_unknown(&q, "limit,offset"), "evil");
	assert_null(qs_first_unknown(&q, "evil,limit,offset"));
	/* A prefix of an allowed key is not allowed. */
	assert_string_equal(qs_first_unknown(&q, "limits,offset,evil"),
	    "limit");
	assert_string_equal(qs_first_unknown(&q, NULL), "limit");
	qs_free(&q);
	assert_int_equal(qs_parse(&q, NULL, NULL), QS_OK);
	assert_null(qs_first_unknown(&q, NULL));
	qs_free(&q);
}

UNIT_MAIN("qs",
    cmocka_unit_test(test_parse_table),
    cmocka_unit_test(test_duplicate_names_key),
    cmocka_unit_test(test_too_many_and_too_long),
    cmocka_unit_test(test_first_unknown))

/* Unit tests of etag.c. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "etag.h"

static void
test_parse(void **state)
{
	static const struct {
		const char	*in;
		int		 rc;
		long		 want;
	} cases[] = {
		{ "\"3\"", 0, 3 },
		{ "W/\"17\"", 0, 17 },
		{ " \"5\" ", 0, 5 },
		{ "\"2147483647\"", 0, 2147483647L },
		{ "\"2147483648\"", -1, 0 },
		{ "\"0\"", -1, 0 },
		{ "\"03\"", -1, 0 },
		{ "3", -1, 0 },
		{ "*", -1, 0 },
		{ "\"3\", \"4\"", -1, 0 },
		{ "\"\"", -1, 0 },
		{ "\"-1\"", -1, 0 },
		{ "\"abc\"", -1, 0 },
		{ NULL, -1, 0 },
	};
	size_t	i;
	long	v;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		v = 0;
		assert_int_equal(etag_parse(cases[i].in, &v), cases[i].rc);
		if (cases[i].rc == 0)
			assert_int_equal(v, cases[i].want);
	}
}

static void
test_format(void **state)
{
	char	buf[16];
	long	v;

	(void)state;
	etag_format(42, buf, sizeof(buf));
	assert_string_equal(buf, "\"42\"");
	assert_int_equal(etag_parse(buf, &v), 0);
	assert_int_equal(v, 42);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_format),
	};

	return (cmocka_run_group_tests_name("etag", tests, NULL, NULL));
}

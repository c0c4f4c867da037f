/* Unit tests of params.c: single parameter checks, table-driven. */
#include <stdio.h>
#include "unit.h"

#include "core/params.h"

static void
test_int(void **state)
{
	static const struct {
		const char	*v;
		long		 min, max;
		int		 ok;
		long		 want;
	} cases[] = {
		{ "0", 0, 10, 1, 0 },
		{ "10", 0, 10, 1, 10 },
		{ "11", 0, 10, 0, 0 },
		{ "-1", 0, 10, 0, 0 },
		{ "-1", -5, 10, 1, -1 },
		{ "", 0, 10, 0, 0 },
		{ " 1", 0, 10, 0, 0 },
		{ "1 ", 0, 10, 0, 0 },
		{ "1e3", 0, 5000, 0, 0 },
		{ "0x10", 0, 100, 0, 0 },
		{ "99999999999999999999", 0, 10, 0, 0 },
	};
	size_t	i;
	long	n;

	(void)state;
	assert_int_equal(param_int(NULL, 0, 1, &n), 0);
	for (i = 0; i < UNIT_COUNT(cases); i++) {
		n = -999;
		if (param_int(cases[i].v, cases[i].min, cases[i].max, &n) !=
		    cases[i].ok)
			fail_msg("'%s' in [%ld,%ld]", cases[i].v, cases[i].min,
			    cases[i].max);
		if (cases[i].ok)
			assert_int_equal(n, cases[i].want);
	}
}

static const struct unit_text_case	uuids[] = {
	{ "82c7db22-1b7f-4890-8720-dd2aa8373b56", 1 },
	{ "82C7DB22-1B7F-4890-8720-DD2AA8373B56", 1 },
	{ "82c7db221b7f48908720dd2aa8373b56", 0 },
	{ "82c7db22-1b7f-4890-8720-dd2aa8373b5g", 0 },
	{ "82c7db22-1b7f-4890-8720-dd2aa8373b567", 0 },
	{ NULL, 0 },
};

/* Codes of at most 100 bytes. */
static const struct unit_text_case	codes[] = {
	{ "DG2.1", 1 },
	{ "PO Kerndoel 34", 1 },
	{ "CNU-DG-2019", 1 },
	{ "vmbo-kb-2", 1 },
	{ "", 0 },
	{ " DG2.1", 0 },
	{ "DG2.1 ", 0 },
	{ "DG'2", 0 },
	{ "priv\xc3\xa9", 0 },
};

static int
code_of_100(const char *v)
{
	return (param_is_code(v, 100));
}

static void
test_uuid_and_code(void **state)
{
	(void)state;
	unit_text_cases(uuids, param_is_uuid);
	unit_text_cases(codes, code_of_100);
	assert_false(param_is_code("abcdef", 5));
}

/* Texts of at most 5 characters. */
static const struct unit_text_case	texts[] = {
	{ "priv\xc3\xa9", 1 },
	{ "", 0 },
	{ "\xe9", 0 },
};

static int
text_of_5(const char *v)
{
	return (param_text_ok(v, 5));
}

static void
test_one_of_and_text(void **state)
{
	static const char *const	words[] = { "none", "exact", "all",
					    NULL };

	(void)state;
	assert_true(param_is_one_of("exact", words));
	assert_false(param_is_one_of("Exact", words));
	assert_false(param_is_one_of(NULL, words));
	unit_text_cases(texts, text_of_5);
	assert_false(param_text_ok("priv\xc3\xa9", 4));
}

static void
test_paging(void **state)
{
	struct param_errors	e;
	long			l, o;

	(void)state;
	memset(&e, 0, sizeof(e));
	param_paging(NULL, NULL, 20, 100, &l, &o, &e);
	assert_int_equal(e.n, 0);
	assert_int_equal(l, 20);
	assert_int_equal(o, 0);

	param_paging("100", "40", 20, 100, &l, &o, &e);
	assert_int_equal(e.n, 0);
	assert_int_equal(l, 100);
	assert_int_equal(o, 40);

	param_paging("0", "-1", 20, 100, &l, &o, &e);
	assert_int_equal(e.n, 2);
	assert_string_equal(e.field[0], "limit");
	assert_string_equal(e.field[1], "offset");

	memset(&e, 0, sizeof(e));
	param_paging("101", NULL, 20, 100, &l, &o, &e);
	assert_int_equal(e.n, 1);
}

static void
test_error_overflow(void **state)
{
	struct param_errors	e;
	int			i;

	(void)state;
	memset(&e, 0, sizeof(e));
	for (i = 0; i < PARAM_MAX_ERRORS + 5; i++)
		param_error(&e, "x", "y");
	assert_int_equal(e.n, PARAM_MAX_ERRORS);
}

UNIT_MAIN("params",
    cmocka_unit_test(test_int),
    cmocka_unit_test(test_uuid_and_code),
    cmocka_unit_test(test_one_of_and_text),
    cmocka_unit_test(test_paging),
    cmocka_unit_test(test_error_overflow))

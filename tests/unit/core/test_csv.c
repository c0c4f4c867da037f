/* Unit tests of csv.c: RFC 4180 quoting, CRLF, BOM, formula guard. */
#include <stdio.h>
#include "unit.h"

#include "core/csv.h"

static void
test_fields(void **state)
{
	static const struct {
		const char	*in, *want;
		unsigned	 flags;
	} cases[] = {
		{ "havo-2", "havo-2", 0 },
		{ "a,b", "\"a,b\"", 0 },
		{ "zeg \"nee\"", "\"zeg \"\"nee\"\"\"", 0 },
		{ "\"", "\"\"\"\"", 0 },
		{ "regel 1\r\nregel 2", "\"regel 1\r\nregel 2\"", 0 },
		{ "lf\nonly", "\"lf\nonly\"", 0 },
		{ " spatie", "\" spatie\"", 0 },
		{ "Oriëntatie", "Oriëntatie", 0 },
		{ "", "", 0 },
		{ NULL, "", 0 },
		{ "=1+1", "=1+1", 0 },
		{ "=1+1", "'=1+1", CSV_FORMULA_GUARD },
		{ "-2", "'-2", CSV_FORMULA_GUARD },
		{ "@SUM(A1)", "'@SUM(A1)", CSV_FORMULA_GUARD },
		{ "=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"",
		    CSV_FORMULA_GUARD },
		{ "a=b", "a=b", CSV_FORMULA_GUARD },
	};
	struct strbuf	b;
	struct csv	c;
	size_t		i;

	(void)state;
	for (i = 0; i < UNIT_COUNT(cases); i++) {
		strbuf_init(&b);
		assert_int_equal(csv_begin(&c, &b, cases[i].flags), 0);
		assert_int_equal(csv_field(&c, cases[i].in), 0);
		if (strcmp(b.data == NULL ? "" : b.data, cases[i].want) != 0)
			fail_msg("case %zu: got [%s]", i, b.data);
		strbuf_free(&b);
	}
}

static void
test_records(void **state)
{
	static const char *const	head[] = { "week", "les", "notitie" };
	struct strbuf			b;
	struct csv			c;

	(void)state;
	strbuf_init(&b);
	assert_int_equal(csv_begin(&c, &b, CSV_BOM), 0);
	assert_int_equal(csv_record(&c, head, 3), 0);
	assert_int_equal(csv_field(&c, "2026-W42"), 0);
	assert_int_equal(csv_field(&c, "Les 1, deel \"a\""), 0);
	assert_int_equal(csv_field(&c, NULL), 0);
	assert_int_equal(csv_end_record(&c), 0);
	assert_int_equal(csv_field_long(&c, -12), 0);
	assert_int_equal(csv_field_long(&c, 7), 0);
	assert_int_equal(csv_end_record(&c), 0);
	assert_string_equal(b.data,
	    "\xef\xbb\xbfweek,les,notitie\r\n"
	    "2026-W42,\"Les 1, deel \"\"a\"\"\",\r\n"
	    "-12,7\r\n");
	strbuf_free(&b);
}

UNIT_MAIN("csv",
    cmocka_unit_test(test_fields),
    cmocka_unit_test(test_records))

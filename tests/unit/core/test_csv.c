/* Unit tests of csv.c: RFC 4180 quoting, CRLF, BOM, formula guard. */
#include <stdio.h>
#include "unit.h"

#include "core/csv.h"

/* IN as one CSV field written with FLAGS, until the next call. */
static const char *
field_with(unsigned flags, const char *in)
{
	static char	out[128];
	struct strbuf	b;
	struct csv	c;

	strbuf_init(&b);
	assert_int_equal(csv_begin(&c, &b, flags), 0);
	assert_int_equal(csv_field(&c, in), 0);
	assert_true(b.len < sizeof(out));
	(void)snprintf(out, sizeof(out), "%s", b.data == NULL ? "" : b.data);
	strbuf_free(&b);
	return (out);
}

static const char *
field(const char *in)
{
	return (field_with(0, in));
}

static const char *
guarded_field(const char *in)
{
	return (field_with(CSV_FORMULA_GUARD, in));
}

static void
test_fields(void **state)
{
	static const struct unit_text_pair	plain[] = {
		{ "havo-2", "havo-2" },
		{ "a,b", "\"a,b\"" },
		{ "zeg \"nee\"", "\"zeg \"\"nee\"\"\"" },
		{ "\"", "\"\"\"\"" },
		{ "regel 1\r\nregel 2", "\"regel 1\r\nregel 2\"" },
		{ "lf\nonly", "\"lf\nonly\"" },
		{ " spatie", "\" spatie\"" },
		{ "Oriëntatie", "Oriëntatie" },
		{ "", "" },
		{ NULL, "" },
		{ "=1+1", "=1+1" },
	};
	/* CSV_FORMULA_GUARD: what a spreadsheet would run is quoted. */
	static const struct unit_text_pair	guarded[] = {
		{ "=1+1", "'=1+1" },
		{ "-2", "'-2" },
		{ "@SUM(A1)", "'@SUM(A1)" },
		{ "=HYPERLINK(\"x\",\"y\")",
		  "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"" },
		{ "a=b", "a=b" },
	};

	(void)state;
	unit_text_pairs(plain, field);
	unit_text_pairs(guarded, guarded_field);
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

/*
 * Unit tests of plan_xlsx.c: the workbook is a ZIP package with the
 * parts of a spreadsheet.  The integration test (plans_export) opens it
 * with an independent reader and checks sheets, headers, types and values.
 */
#include "unit.h"

#include "planning/plan_xlsx.h"

static const char	doc[] =
    "{\"title\":\"Jaarplan\",\"school_year\":\"2026-2027\",\"items\":["
    " {\"kind\":\"les\",\"status\":\"gepland\",\"week\":\"2026-W42\","
    "  \"lesson\":{\"title\":\"Les 1\",\"programme\":\"MNOS\"},"
    "  \"level_title\":\"havo 2\",\"starts_on\":\"2026-10-12\","
    "  \"ends_on\":\"2026-10-16\",\"warnings\":[]}]}";

static int
contains(const struct strbuf *b, const char *needle)
{
	size_t	n, i;

	n = strlen(needle);
	for (i = 0; i + n <= b->len; i++)
		if (memcmp(b->data + i, needle, n) == 0)
			return (1);
	return (0);
}

static void
test_workbook(void **state)
{
	struct strbuf	 b;
	json_t		*d;

	(void)state;
	d = unit_json(doc);
	strbuf_init(&b);
	assert_int_equal(plan_export_xlsx(d, &b), 0);
	assert_true(b.len > 1000);
	assert_memory_equal(b.data, "PK\x03\x04", 4);
	assert_true(contains(&b, "xl/worksheets/sheet1.xml"));
	assert_true(contains(&b, "xl/sharedStrings.xml"));
	strbuf_free(&b);
	json_decref(d);
}

static void
test_not_a_plan(void **state)
{
	struct strbuf	 b;
	json_t		*d;

	(void)state;
	d = json_string("x");
	strbuf_init(&b);
	assert_int_equal(plan_export_xlsx(d, &b), -1);
	assert_int_equal(b.len, 0);
	strbuf_free(&b);
	json_decref(d);
}

UNIT_MAIN("plan_xlsx",
    cmocka_unit_test(test_workbook),
    cmocka_unit_test(test_not_a_plan))

/* Unit tests of school_calendar.c: ISO weeks and school years. */
#include <stdio.h>
#include "unit.h"

#include "planning/school_calendar.h"

static void
test_iso_week_of(void **state)
{
	/* Dates and their ISO weeks, including year boundaries. */
	static const struct {
		struct civil_date	d;
		int			year, week;
	} cases[] = {
		{ { 2026, 10, 12 }, 2026, 42 },	/* herfstvakantie noord */
		{ { 2026, 12, 28 }, 2026, 53 },	/* 2026 has 53 weeks */
		{ { 2027, 1, 3 }, 2026, 53 },
		{ { 2027, 1, 4 }, 2027, 1 },
		{ { 2025, 12, 29 }, 2026, 1 },	/* belongs to next ISO year */
		{ { 2021, 1, 3 }, 2020, 53 },
		{ { 2024, 2, 29 }, 2024, 9 },
		{ { 2027, 7, 31 }, 2027, 30 },
	};
	size_t	i;
	int	y, w;

	(void)state;
	for (i = 0; i < UNIT_COUNT(cases); i++) {
		iso_week_of(cases[i].d, &y, &w);
		if (y != cases[i].year || w != cases[i].week)
			fail_msg("%04d-%02d-%02d: %d-W%02d", cases[i].d.year,
			    cases[i].d.month, cases[i].d.day, y, w);
	}
}

static void
test_weeks_in_year_and_monday(void **state)
{
	struct civil_date	m;

	(void)state;
	assert_int_equal(iso_weeks_in_year(2026), 53);
	assert_int_equal(iso_weeks_in_year(2027), 52);
	assert_int_equal(iso_weeks_in_year(2020), 53);
	m = iso_week_monday(2026, 42);
	assert_int_equal(m.year, 2026);
	assert_int_equal(m.month, 10);
	assert_int_equal(m.day, 12);
	m = iso_week_monday(2026, 1);
	assert_int_equal(m.year, 2025);
	assert_int_equal(m.month, 12);
	assert_int_equal(m.day, 29);
}

static void
test_parse(void **state)
{
	struct civil_date	d;
	int			y, w;

	(void)state;
	assert_int_equal(school_year_parse("2026-2027"), 2026);
	assert_int_equal(school_year_parse("2026-2028"), -1);
	assert_int_equal(school_year_parse("2026/2027"), -1);
	assert_int_equal(school_year_parse("26-27"), -1);
	assert_int_equal(school_year_parse(NULL), -1);

	assert_int_equal(iso_week_parse("2026-W53", &y, &w), 0);
	assert_int_equal(w, 53);
	assert_int_equal(iso_week_parse("2027-W53", &y, &w), -1);
	assert_int_equal(iso_week_parse("2027-W00", &y, &w), -1);
	assert_int_equal(iso_week_parse("2027-w01", &y, &w), -1);
	assert_int_equal(iso_week_parse("2027W01", &y, &w), -1);

	assert_int_equal(civil_date_parse("2027-02-28", &d), 0);
	assert_int_equal(civil_date_parse("2027-02-29", &d), -1);
	assert_int_equal(civil_date_parse("2028-02-29", &d), 0);
	assert_int_equal(civil_date_parse("2027-13-01", &d), -1);
	assert_int_equal(civil_date_parse("2027-1-01", &d), -1);
}

static void
test_school_year_of(void **state)
{
	struct civil_date	a = { 2026, 8, 1 }, b = { 2027, 7, 31 },
				c = { 2026, 7, 31 };

	(void)state;
	assert_int_equal(school_year_of(a), 2026);
	assert_int_equal(school_year_of(b), 2026);
	assert_int_equal(school_year_of(c), 2025);
	assert_int_equal(civil_days((struct civil_date){ 1970, 1, 1 }), 0);
	assert_int_equal(civil_days((struct civil_date){ 2000, 3, 1 }), 11017);
}

static void
test_date_add(void **state)
{
	static const struct {
		struct civil_date	d;
		long			n;
		struct civil_date	want;
	} cases[] = {
		{ { 2026, 10, 12 }, 5, { 2026, 10, 17 } },
		{ { 2026, 12, 28 }, 5, { 2027, 1, 2 } },	/* across the year */
		{ { 2028, 2, 28 }, 1, { 2028, 2, 29 } },	/* leap day */
		{ { 2027, 2, 28 }, 1, { 2027, 3, 1 } },
		{ { 2027, 3, 1 }, -1, { 2027, 2, 28 } },
		{ { 2026, 8, 1 }, 0, { 2026, 8, 1 } },
	};
	struct civil_date	r;
	size_t			i;

	(void)state;
	for (i = 0; i < UNIT_COUNT(cases); i++) {
		r = civil_date_add(cases[i].d, cases[i].n);
		if (r.year != cases[i].want.year ||
		    r.month != cases[i].want.month ||
		    r.day != cases[i].want.day)
			fail_msg("case %zu: %04d-%02d-%02d", i, r.year, r.month,
			    r.day);
	}
}

UNIT_MAIN("school_calendar",
    cmocka_unit_test(test_iso_week_of),
    cmocka_unit_test(test_weeks_in_year_and_monday),
    cmocka_unit_test(test_parse),
    cmocka_unit_test(test_school_year_of),
    cmocka_unit_test(test_date_add))

/* Unit tests of migrate_plan.c: names, order, refusals. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "cli/migrate_plan.h"

static const struct {
	const char	*name;
	int		 version;
} names[] = {
	{ "0001_foundation.sql",	1 },
	{ "0012_plans_v2.sql",		12 },
	{ "9999_x.sql",			9999 },
	{ "0000_zero.sql",		-1 },
	{ "001_short.sql",		-1 },
	{ "0001-dash.sql",		-1 },
	{ "0001_Upper.sql",		-1 },
	{ "0001_.sql",			-1 },
	{ "0001_x.sql~",		-1 },
	{ "0001_x.txt",			-1 },
	{ "README.md",			-1 },
};

static void
test_parse_names(void **state)
{
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (migrate_parse_name(names[i].name) != names[i].version)
			fail_msg("%s: expected %d", names[i].name,
			    names[i].version);
	}
}

static struct mig_entry
entry(int version, const char *name, char sum)
{
	struct mig_entry	e;

	memset(&e, 0, sizeof(e));
	e.version = version;
	snprintf(e.name, sizeof(e.name), "%s", name);
	memset(e.checksum, sum, MIG_SUM_LEN);
	e.checksum[MIG_SUM_LEN] = '\0';
	return (e);
}

static void
test_fresh_database_applies_all_in_order(void **state)
{
	struct mig_entry	files[3];
	size_t			pending[3], n;
	char			err[256];

	(void)state;
	files[0] = entry(3, "0003_c.sql", 'c');
	files[1] = entry(1, "0001_a.sql", 'a');
	files[2] = entry(2, "0002_b.sql", 'b');
	assert_int_equal(migrate_plan(files, 3, NULL, 0, pending, &n, err,
	    sizeof(err)), 0);
	assert_int_equal(n, 3);
	assert_string_equal(files[pending[0]].name, "0001_a.sql");
	assert_string_equal(files[pending[1]].name, "0002_b.sql");
	assert_string_equal(files[pending[2]].name, "0003_c.sql");
}

static void
test_up_to_date_is_noop(void **state)
{
	struct mig_entry	files[2], applied[2];
	size_t			pending[2], n;
	char			err[256];

	(void)state;
	files[0] = applied[0] = entry(1, "0001_a.sql", 'a');
	files[1] = applied[1] = entry(2, "0002_b.sql", 'b');
	assert_int_equal(migrate_plan(files, 2, applied, 2, pending, &n, err,
	    sizeof(err)), 0);
	assert_int_equal(n, 0);
}

static void
test_only_new_ones(void **state)
{
	struct mig_entry	files[2], applied[1];
	size_t			pending[2], n;
	char			err[256];

	(void)state;
	files[0] = applied[0] = entry(1, "0001_a.sql", 'a');
	files[1] = entry(2, "0002_b.sql", 'b');
	assert_int_equal(migrate_plan(files, 2, applied, 1, pending, &n, err,
	    sizeof(err)), 0);
	assert_int_equal(n, 1);
	assert_string_equal(files[pending[0]].name, "0002_b.sql");
}

static const struct {
	const char	*why;
	const char	*needle;	/* expected in the message */
} refusals[] = {
	{ "changed",	"has changed" },
	{ "missing",	"missing" },
	{ "renamed",	"renamed" },
	{ "duplicate",	"share version" },
	{ "older",	"older than" },
};

static void
test_refusals(void **state)
{
	struct mig_entry	files[3], applied[2];
	size_t			pending[3], n, i, nfiles, napplied;
	char			err[256];

	(void)state;
	for (i = 0; i < sizeof(refusals) / sizeof(refusals[0]); i++) {
		applied[0] = entry(1, "0001_a.sql", 'a');
		applied[1] = entry(3, "0003_c.sql", 'c');
		napplied = 2;
		files[0] = entry(1, "0001_a.sql", 'a');
		files[1] = entry(3, "0003_c.sql", 'c');
		nfiles = 2;
		switch (i) {
		case 0:
			files[0].checksum[5] = 'f';
			break;
		case 1:
			nfiles = 1;
			break;
		case 2:
			snprintf(files[1].name, sizeof(files[1].name),
			    "0003_d.sql");
			break;
		case 3:
			files[2] = entry(3, "0003_e.sql", 'e');
			nfiles = 3;
			break;
		case 4:
			files[2] = entry(2, "0002_b.sql", 'b');
			nfiles = 3;
			break;
		}
		err[0] = '\0';
		if (migrate_plan(files, nfiles, applied, napplied, pending, &n,
		    err, sizeof(err)) != -1)
			fail_msg("%s: accepted", refusals[i].why);
		if (strstr(err, refusals[i].needle) == NULL)
			fail_msg("%s: message '%s'", refusals[i].why, err);
		assert_int_equal(n, 0);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_names),
		cmocka_unit_test(test_fresh_database_applies_all_in_order),
		cmocka_unit_test(test_up_to_date_is_noop),
		cmocka_unit_test(test_only_new_ones),
		cmocka_unit_test(test_refusals),
	};

	return (cmocka_run_group_tests_name("migrate_plan", tests, NULL,
	    NULL));
}

/*
 * Unit tests of migrate_plan.c: names, order, refusals, legacy checksums,
 * the load order of function files and which of them to apply.
 */
#include <stdio.h>
#include "unit.h"

#include "cli/migrate_plan.h"

/* Migration file names and their versions (-1: not a migration). */
static const struct unit_text_case	names[] = {
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
	(void)state;
	unit_text_cases(names, migrate_parse_name);
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

/* What migrate_plan() decided: indexes into the files, and its message. */
struct decision {
	size_t	pending[4], rerecord[4], n, nre;
	char	err[256];
	char	text[256];	/* see decided() */
};

/*
 * migrate_plan() over these lists (at most four files) into D; the counts
 * start at SIZE_MAX so that a test sees whether migrate_plan set them.
 */
static int
decide(struct mig_entry *files, size_t nfiles,
    const struct mig_entry *applied, size_t napplied,
    const struct mig_entry *legacy, size_t nlegacy, struct decision *d)
{
	assert_true(nfiles <= UNIT_COUNT(d->pending));
	d->n = d->nre = SIZE_MAX;
	d->err[0] = '\0';
	return (migrate_plan(files, nfiles, applied, napplied, legacy, nlegacy,
	    d->pending, &d->n, d->rerecord, &d->nre, d->err, sizeof(d->err)));
}

/* Append the names of FILES at IDX[0..N) to the text of D. */
static void
append_names(struct decision *d, const struct mig_entry *files,
    const size_t *idx, size_t n)
{
	size_t	i;

	assert_true(n <= UNIT_COUNT(d->pending));
	for (i = 0; i < n; i++)
		(void)snprintf(d->text + strlen(d->text), sizeof(d->text) -
		    strlen(d->text), " %s", files[idx[i]].name);
}

/*
 * What D decided over FILES as one text, "apply NAME...; rerecord NAME...",
 * in the order decided: a test compares it whole, so that both counts and
 * every file in its place are checked at once.
 */
static const char *
decided(struct decision *d, const struct mig_entry *files)
{
	d->text[0] = '\0';
	strncat(d->text, "apply", sizeof(d->text) - 1);
	append_names(d, files, d->pending, d->n);
	strncat(d->text, "; rerecord", sizeof(d->text) - strlen(d->text) - 1);
	append_names(d, files, d->rerecord, d->nre);
	return (d->text);
}

/*
 * Migration entries from SPEC into OUT (at most MAX): "0001_a.sql=a ...",
 * each a file name, whose number is its version, and the character its
 * checksum repeats.  Returns how many.
 */
static size_t
entries(struct mig_entry *out, size_t max, const char *spec)
{
	char	name[64], sum;
	size_t	n = 0;
	int	used;

	while (sscanf(spec, " %63[^= ]=%c%n", name, &sum, &used) == 2) {
		assert_true(n < max);
		out[n++] = entry(atoi(name), name, sum);
		spec += used;
	}
	assert_int_equal(spec[strspn(spec, " ")], '\0');
	return (n);
}

/*
 * What migrate_plan() decides for the files, the rows of the migrations
 * applied and the legacy checksums of a database (see entries()).
 */
static const struct plan_case {
	const char	*name;
	const char	*files, *applied, *legacy;
	const char	*want;		/* see decided() */
} plans[] = {
	{ "test_fresh_database_applies_all_in_order",
	  "0003_c.sql=c 0001_a.sql=a 0002_b.sql=b", "", "",
	  "apply 0001_a.sql 0002_b.sql 0003_c.sql; rerecord" },
	{ "test_up_to_date_is_noop", "0001_a.sql=a 0002_b.sql=b",
	  "0001_a.sql=a 0002_b.sql=b", "", "apply; rerecord" },
	{ "test_only_new_ones", "0001_a.sql=a 0002_b.sql=b", "0001_a.sql=a", "",
	  "apply 0002_b.sql; rerecord" },
	/*
	 * A database of the earlier layout: its rows carry the legacy
	 * checksums of files whose text changed; accepted and re-recorded
	 * (0002_b.sql's text is unchanged), and new files apply.
	 */
	{ "test_legacy_checksums_accepted",
	  "0001_a.sql=a 0002_b.sql=2 0003_c.sql=c",
	  "0001_a.sql=1 0002_b.sql=2", "0001_a.sql=1 0002_b.sql=2",
	  "apply 0003_c.sql; rerecord 0001_a.sql" },
};

/* migrate_plan() accepts the case *STATE (of plans[]) and decides so. */
static void
test_decides(void **state)
{
	const struct plan_case	*c = *state;
	struct mig_entry	 files[4], applied[4], legacy[4];
	struct decision		 d;
	size_t			 nfiles, napplied, nlegacy;

	nfiles = entries(files, UNIT_COUNT(files), c->files);
	napplied = entries(applied, UNIT_COUNT(applied), c->applied);
	nlegacy = entries(legacy, UNIT_COUNT(legacy), c->legacy);
	assert_int_equal(decide(files, nfiles, napplied ? applied : NULL,
	    napplied, nlegacy ? legacy : NULL, nlegacy, &d), 0);
	assert_string_equal(decided(&d, files), c->want);
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
	struct mig_entry	files[3], applied[2], legacy[1];
	struct decision		d;
	size_t			i, nfiles, napplied;

	(void)state;
	/* A legacy checksum of another version changes none of this. */
	legacy[0] = entry(3, "0003_c.sql", '9');
	for (i = 0; i < UNIT_COUNT(refusals); i++) {
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
		if (decide(files, nfiles, applied, napplied, legacy, 1, &d) != -1)
			fail_msg("%s: accepted", refusals[i].why);
		if (strstr(d.err, refusals[i].needle) == NULL)
			fail_msg("%s: message '%s'", refusals[i].why, d.err);
		assert_int_equal(d.n, 0);
		assert_int_equal(d.nre, 0);
	}
}

/* A legacy checksum counts only for its own version and name. */
static void
test_legacy_checksums_exact(void **state)
{
	struct mig_entry	files[2], applied[2], legacy[2];
	struct decision		d;
	size_t			i;

	(void)state;
	for (i = 0; i < 3; i++) {
		applied[0] = entry(1, "0001_a.sql", '1');
		applied[1] = entry(2, "0002_b.sql", '2');
		files[0] = entry(1, "0001_a.sql", 'a');
		files[1] = entry(2, "0002_b.sql", 'b');
		legacy[0] = entry(1, "0001_a.sql", '1');
		legacy[1] = entry(2, "0002_b.sql", '2');
		if (i == 0)		/* the sum of another version */
			legacy[1] = entry(3, "0002_b.sql", '2');
		else if (i == 1)	/* another name */
			legacy[1] = entry(2, "0002_x.sql", '2');
		else			/* another sum */
			legacy[1].checksum[0] = '3';
		if (decide(files, 2, applied, 2, legacy, 2, &d) != -1)
			fail_msg("case %zu: accepted", i);
		if (strstr(d.err, "0002_b.sql has changed") == NULL)
			fail_msg("case %zu: message '%s'", i, d.err);
		assert_int_equal(d.n, 0);
		assert_int_equal(d.nre, 0);
	}
}

static void
test_parse_legacy(void **state)
{
	struct mig_entry	out[4];
	char			text[512], err[256];
	const char		*sum =
	    "8b6015eaead3d32d07822b0e51e0f61efe4d0143aad0562ea8494142af7e7f27";

	(void)state;
	snprintf(text, sizeof(text), "# comment\n\n%s  0002_catalogue.sql\n"
	    "%s *0003_x.sql", sum, sum);
	assert_int_equal(migrate_parse_legacy(text, out, 4, err, sizeof(err)),
	    2);
	assert_int_equal(out[0].version, 2);
	assert_string_equal(out[0].name, "0002_catalogue.sql");
	assert_string_equal(out[0].checksum, sum);
	assert_int_equal(out[1].version, 3);
	assert_int_equal(migrate_parse_legacy("", out, 4, err, sizeof(err)),
	    0);

	static const char *const bad[] = {
	    "abc  0001_a.sql\n",			/* short sum */
	    "8B6015EAEAD3D32D07822B0E51E0F61EFE4D0143AAD0562EA8494142AF7E7F27"
	    "  0001_a.sql\n",				/* upper case */
	    "8b6015eaead3d32d07822b0e51e0f61efe4d0143aad0562ea8494142af7e7f27"
	    " 0001_a.sql\n",				/* one space */
	    "8b6015eaead3d32d07822b0e51e0f61efe4d0143aad0562ea8494142af7e7f27"
	    "  catalogue.sql\n",			/* not a migration */
	};
	size_t	i;

	for (i = 0; i < UNIT_COUNT(bad); i++) {
		err[0] = '\0';
		if (migrate_parse_legacy(bad[i], out, 4, err,
		    sizeof(err)) != -1)
			fail_msg("bad %zu accepted", i);
		if (strstr(err, "line 1") == NULL)
			fail_msg("bad %zu: message '%s'", i, err);
	}
	snprintf(text, sizeof(text), "%s  0001_a.sql\n%s  0002_b.sql\n",
	    sum, sum);
	assert_int_equal(migrate_parse_legacy(text, out, 1, err,
	    sizeof(err)), -1);
}

/* Names of function files: 1 for a valid one. */
static const struct unit_text_case	fn_names[] = {
	{ "catalogue.sql",		1 },
	{ "catalogue_import.sql",	1 },
	{ "case2.sql",			1 },
	{ "0002_catalogue.sql",		0 },
	{ "_x.sql",			0 },
	{ "Catalogue.sql",		0 },
	{ "cata-logue.sql",		0 },
	{ ".sql",			0 },
	{ "catalogue.sql~",		0 },
	{ "load-order",			0 },
};

static void
test_function_names(void **state)
{
	(void)state;
	unit_text_cases(fn_names, migrate_parse_function_name);
}

static void
test_parse_order(void **state)
{
	struct mig_entry	 out[4];
	char			 err[256];
	const char		*listed[3];

	(void)state;
	assert_int_equal(migrate_parse_order("# first the checks\n"
	    "api_checks.sql\n\ncatalogue.sql\r\nplanning.sql", out, 4, err,
	    sizeof(err)), 3);
	assert_string_equal(out[0].name, "api_checks.sql");
	assert_int_equal(out[0].version, 1);
	assert_string_equal(out[1].name, "catalogue.sql");
	assert_string_equal(out[2].name, "planning.sql");
	assert_int_equal(out[2].version, 3);

	listed[0] = "planning.sql";
	listed[1] = "api_checks.sql";
	assert_int_equal(migrate_check_listed(listed, 2, out, 3, err,
	    sizeof(err)), 0);
	listed[2] = "coverage.sql";
	assert_int_equal(migrate_check_listed(listed, 3, out, 3, err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "coverage.sql is not in the load order"));

	assert_int_equal(migrate_parse_order("a.sql\nb.sql\na.sql\n", out, 4,
	    err, sizeof(err)), -1);
	assert_non_null(strstr(err, "a.sql twice"));
	assert_int_equal(migrate_parse_order("a.sql\n0001_b.sql\n", out, 4,
	    err, sizeof(err)), -1);
	assert_non_null(strstr(err, "line 2"));
	assert_int_equal(migrate_parse_order("a.sql\nb.sql\n", out, 1, err,
	    sizeof(err)), -1);
}

static void
test_plan_functions(void **state)
{
	struct mig_entry	fns[3], recorded[3];
	size_t			apply[3];

	(void)state;
	fns[0] = entry(1, "a.sql", 'a');
	fns[1] = entry(2, "b.sql", 'b');
	fns[2] = entry(3, "c.sql", 'c');
	/* A fresh database: all, in load order. */
	assert_int_equal(migrate_plan_functions(fns, 3, NULL, 0, 0, apply), 3);
	assert_int_equal(apply[0], 0);
	assert_int_equal(apply[1], 1);
	assert_int_equal(apply[2], 2);
	/* Up to date: none. */
	recorded[0] = entry(0, "c.sql", 'c');
	recorded[1] = entry(0, "a.sql", 'a');
	recorded[2] = entry(0, "b.sql", 'b');
	assert_int_equal(migrate_plan_functions(fns, 3, recorded, 3, 0,
	    apply), 0);
	/* One changed, one new: those, in load order. */
	recorded[1].checksum[7] = 'x';
	assert_int_equal(migrate_plan_functions(fns, 3, recorded, 2, 0,
	    apply), 2);
	assert_int_equal(apply[0], 0);
	assert_int_equal(apply[1], 1);
	/* A migration ran: all. */
	recorded[1] = entry(0, "a.sql", 'a');
	assert_int_equal(migrate_plan_functions(fns, 3, recorded, 3, 1,
	    apply), 3);
	assert_int_equal(apply[2], 2);
}

UNIT_MAIN("migrate_plan",
    cmocka_unit_test(test_parse_names),
    UNIT_CASE(test_decides, plans[0]),
    UNIT_CASE(test_decides, plans[1]),
    UNIT_CASE(test_decides, plans[2]),
    cmocka_unit_test(test_refusals),
    UNIT_CASE(test_decides, plans[3]),
    cmocka_unit_test(test_legacy_checksums_exact),
    cmocka_unit_test(test_parse_legacy),
    cmocka_unit_test(test_function_names),
    cmocka_unit_test(test_parse_order),
    cmocka_unit_test(test_plan_functions))

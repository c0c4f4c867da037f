/* Unit tests of seed_manifest.c: the seeds/manifest format. */
#include <stdlib.h>
#include "unit.h"

#include "cli/seed_manifest.h"

static void
test_parse_valid(void **state)
{
	struct seed_manifest	*m;
	char			 err[128];
	const char		*text =
	    "# comment\n"
	    "\n"
	    "sql levels.sql\n"
	    "json slo_import_niveaus slo/niveaus.json\n"
	    "  sql   catalogue/pack.sql  \n"
	    "json f x.json";

	(void)state;
	m = calloc(1, sizeof(*m));
	assert_int_equal(seed_manifest_parse(m, text, err, sizeof(err)), 0);
	assert_int_equal(m->n, 4);
	assert_int_equal(m->entries[0].kind, SEED_SQL);
	assert_string_equal(m->entries[0].file, "levels.sql");
	assert_int_equal(m->entries[0].line, 3);
	assert_int_equal(m->entries[1].kind, SEED_JSON);
	assert_string_equal(m->entries[1].function, "slo_import_niveaus");
	assert_string_equal(m->entries[1].file, "slo/niveaus.json");
	assert_string_equal(m->entries[2].file, "catalogue/pack.sql");
	assert_string_equal(m->entries[3].file, "x.json");
	free(m);
}

static const struct {
	const char	*text;
	const char	*needle;
} bad[] = {
	{ "copy x.sql\n",			"line 1" },
	{ "sql\n",				"line 1" },
	{ "sql a.sql b.sql\n",			"line 1" },
	{ "json f\n",				"line 1" },
	{ "\njson drop;table x.json\n",		"line 2: invalid function" },
	{ "json F x.json\n",			"invalid function" },
	{ "sql ../etc/passwd\n",		"invalid file" },
	{ "sql /etc/passwd\n",			"invalid file" },
	{ "sql a/../../b.sql\n",		"invalid file" },
	{ "sql a b.sql\n",			"line 1" },
	{ "sql a$b.sql\n",			"invalid file" },
};

static void
test_parse_invalid(void **state)
{
	struct seed_manifest	*m;
	char			 err[128];
	size_t			 i;

	(void)state;
	m = calloc(1, sizeof(*m));
	for (i = 0; i < UNIT_COUNT(bad); i++) {
		err[0] = '\0';
		if (seed_manifest_parse(m, bad[i].text, err, sizeof(err)) != -1)
			fail_msg("accepted: %s", bad[i].text);
		if (strstr(err, bad[i].needle) == NULL)
			fail_msg("'%s': message '%s'", bad[i].text, err);
	}
	free(m);
}

UNIT_MAIN("seed_manifest",
    cmocka_unit_test(test_parse_valid),
    cmocka_unit_test(test_parse_invalid))

/*
 * Unit tests of coverage_report.c: the report parameters, the CSV and the
 * HTML of a small report document.
 */
#include <stdio.h>
#include "unit.h"

#include "core/csv.h"
#include "coverage/coverage_report.h"

/* A query string as key/value pairs for the lookup callback. */
struct query {
	const char	*kv[24];
};

static const char *
lookup(const void *arg, const char *key)
{
	const struct query	*q = arg;
	size_t			 i;

	for (i = 0; q->kv[i] != NULL; i += 2)
		if (strcmp(q->kv[i], key) == 0)
			return (q->kv[i + 1]);
	return (NULL);
}

/*
 * The parameters of query Q (aggregate or not) parse without errors into
 * WANT: the lists, via, overlap, type, region, school, format and area.
 */
static void
params_are(const struct query *q, int aggregate,
    const struct coverage_params *want)
{
	struct coverage_params	p;
	struct param_errors	e = { 0 };

	assert_int_equal(coverage_params_parse(lookup, q, aggregate, &p, &e),
	    0);
	assert_string_equal(p.years, want->years);
	assert_string_equal(p.frameworks, want->frameworks);
	assert_string_equal(p.via, want->via);
	assert_string_equal(p.overlap, want->overlap);
	assert_string_equal(p.type, want->type);
	assert_string_equal(p.region, want->region);
	if (want->school == NULL)
		assert_null(p.school);
	else
		assert_string_equal(p.school, want->school);
	assert_int_equal(p.format, want->format);
	assert_string_equal(p.area, want->area);
}

static void
test_params_defaults(void **state)
{
	static const struct query		q = { { NULL } };
	static const struct coverage_params	want = { .via = "none",
	    .overlap = "3", .format = COVERAGE_JSON, .school = NULL };

	(void)state;
	params_are(&q, 0, &want);
}

static void
test_params_good(void **state)
{
	static const struct query		q = { { "years",
	    "2026-2027,2027-2028", "framework", "CNU-DG-2019,SLO-KD-PO-2006",
	    "via", "exact", "overlap", "5", "format", "csv", "type", "VO",
	    "region", "zuid", "school", "00000000-0000-4000-a000-00000000000a",
	    "area", "Oriëntatie op jezelf en de wereld", NULL } };
	static const struct coverage_params	want = {
	    .years = "2026-2027,2027-2028",
	    .frameworks = "CNU-DG-2019,SLO-KD-PO-2006", .via = "exact",
	    .overlap = "5", .type = "VO", .region = "zuid",
	    .school = "00000000-0000-4000-a000-00000000000a",
	    .format = COVERAGE_CSV,
	    .area = "Oriëntatie op jezelf en de wereld" };

	(void)state;
	params_are(&q, 1, &want);
}

static void
test_params_bad(void **state)
{
	static const struct {
		const char	*key, *value;
	} bad[] = {
		{ "years", "2026" }, { "years", "2026-2027," },
		{ "years", ",2026-2027" }, { "years", "2026-2027,,2027-2028" },
		{ "years", "" }, { "years", "2026-2028" },
		{ "framework", "CNU DG" }, { "framework", "a;b" },
		{ "framework", "" }, { "via", "some" }, { "via", "" },
		{ "overlap", "1" }, { "overlap", "101" }, { "overlap", "3x" },
		{ "format", "pdf" }, { "type", "po" }, { "region", "west" },
		{ "school", "not-a-uuid" }, { "area", "" },
		{ "area", "\xc3(" },
		{ "area", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
		    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" },
	};
	struct coverage_params	p;
	size_t			i;

	(void)state;
	for (i = 0; i < UNIT_COUNT(bad); i++) {
		struct param_errors	e = { 0 };
		struct query		q = { { bad[i].key, bad[i].value,
		    NULL } };

		assert_int_equal(coverage_params_parse(lookup, &q, 1, &p, &e),
		    -1);
		assert_int_equal(e.n, 1);
		assert_string_equal(e.field[0], bad[i].key);
	}
}

static void
test_params_too_many(void **state)
{
	char			buf[600];
	struct coverage_params	p;
	struct param_errors	e = { 0 };
	size_t			i;

	(void)state;
	buf[0] = '\0';
	for (i = 0; i < COVERAGE_LIST_MAX + 1; i++)
		(void)snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf),
		    "%sF%zu", i > 0 ? "," : "", i);
	{
		struct query	q = { { "framework", buf, NULL } };

		assert_int_equal(coverage_params_parse(lookup, &q, 0, &p, &e),
		    -1);
		assert_string_equal(e.message[0], "te veel waarden");
	}
	/* Aggregate-only keys are ignored elsewhere (the route refuses them). */
	{
		struct param_errors	e2 = { 0 };
		struct query		q = { { "type", "XX", NULL } };

		assert_int_equal(coverage_params_parse(lookup, &q, 0, &p,
		    &e2), 0);
	}
}

static const char	matrix[] =
    "{\"scope\":{\"kind\":\"plan\",\"school\":{\"name\":\"School <A> & co\","
    "\"brin\":\"99XA\",\"vestiging\":\"00\",\"type\":\"PO\",\"region\":\"noord\"},"
    "\"school_years\":[\"2026-2027\"],\"plans\":[{\"title\":\"Plan \\\"1\\\"\","
    "\"school_year\":\"2026-2027\",\"status\":\"concept\"}]},"
    "\"generated_at\":\"2026-12-01T10:00:00\",\"generated_on\":\"2026-12-01\","
    "\"via\":\"exact\",\"levels\":[{\"code\":\"groep-1\",\"title\":\"groep 1\","
    "\"stage\":\"po-onderbouw\"},"
    "{\"code\":\"groep-2\",\"title\":\"groep 2\",\"stage\":\"po-onderbouw\"}],"
    "\"frameworks\":[{\"code\":\"F\",\"title\":\"Kader\",\"goals_total\":2,"
    "\"goals_covered\":1,\"goals_given\":0,\"share\":0.5,\"share_given\":0,"
    "\"goals\":["
    "{\"code\":\"D\",\"title\":\"Domein\",\"depth\":0,\"leaf\":false,"
    "\"cells\":{},\"rollup\":{\"goals_total\":2,\"goals_covered\":1,"
    "\"goals_given\":0,\"levels\":{\"groep-2\":{\"goals_covered\":1,"
    "\"goals_given\":0}}},\"paths\":[]},"
    "{\"code\":\"=G1\",\"title\":\"Doel, een\",\"depth\":1,\"leaf\":true,"
    "\"cells\":{\"groep-2\":{\"items\":2,\"items_given\":0,\"lessons\":1,"
    "\"lessons_given\":0,\"via_items\":2}},\"rollup\":null,"
    "\"paths\":[{\"lesson\":\"L3\",\"lesson_title\":\"Les <3>\","
    "\"relation\":\"exactMatchOf\",\"via_goal\":\"X1\","
    "\"via_framework\":\"FX\"}]}],"
    "\"stage_gaps\":[{\"stage\":\"po-onderbouw\",\"stage_title\":\"Onderbouw po\","
    "\"goals\":[{\"code\":\"G2\",\"title\":\"Twee\"},{\"code\":\"=G1\","
    "\"title\":\"Doel, een\"}],\"suggestions\":[{\"title\":\"Unit <A>\","
    "\"reason\":\"Hiaat: dekt 2\"},{\"title\":\"Unit B\",\"reason\":\"dekt 1\"}]}],"
    "\"line_breaks\":[{\"domain\":\"D\",\"domain_title\":\"Domein\","
    "\"stage\":\"po-bovenbouw\",\"stage_title\":\"Bovenbouw po\",\"break\":true,"
    "\"suggestions\":[{\"title\":\"Unit C\",\"reason\":\"Onderbreking: dekt 1\"}]}],"
    "\"overlaps\":[]}]}";

static void
test_csv_matrix(void **state)
{
	(void)state;
	unit_doc_writes(matrix, d, b, coverage_csv(d, 0, &b),
	    "\xef\xbb\xbf" "kader,doel,doel_titel,diepte,blad,niveau,items,"
	    "items_gegeven,lessen,lessen_gegeven,items_via_verwant,"
	    "subdoelen_totaal,subdoelen_gedekt,subdoelen_gegeven,voorstellen\r\n"
	    "F,D,Domein,0,nee,groep 1,0,0,0,0,0,2,0,0,\r\n"
	    "F,D,Domein,0,nee,groep 2,0,0,0,0,0,2,1,0,\r\n"
	    "F,'=G1,\"Doel, een\",1,ja,groep 1,0,0,0,0,0,,,,"
	    "Unit <A>: Hiaat: dekt 2 | Unit B: dekt 1\r\n"
	    "F,'=G1,\"Doel, een\",1,ja,groep 2,2,0,1,0,2,,,,"
	    "Unit <A>: Hiaat: dekt 2 | Unit B: dekt 1\r\n");
}

static void
test_csv_aggregate(void **state)
{
	struct strbuf	 b;
	json_t		*d;

	(void)state;
	d = unit_json("{\"scope\":{\"kind\":\"schools\",\"schools\":4},"
	    "\"levels\":[{\"code\":\"havo-2\",\"schools\":4}],"
	    "\"frameworks\":[{\"code\":\"F\","
	    "\"goals\":[{\"code\":\"G\",\"title\":\"T\",\"depth\":0,\"leaf\":true,"
	    "\"cells\":{\"havo-2\":{\"schools\":1,\"schools_given\":0,"
	    "\"share\":0.25}}}]}]}");
	unit_writes(b, coverage_csv(d, 0, &b),
	    "\xef\xbb\xbf" "kader,doel,doel_titel,diepte,blad,niveau,scholen,"
	    "scholen_gegeven,scholen_met_niveau,aandeel_procent,"
	    "scholen_in_scope\r\n"
	    "F,G,T,0,ja,havo-2,1,0,4,25.0,4\r\n");
	/* A Dutch Excel: semicolons and a decimal comma. */
	unit_writes(b, coverage_csv(d, CSV_SEMICOLON, &b),
	    "\xef\xbb\xbf" "kader;doel;doel_titel;diepte;blad;niveau;scholen;"
	    "scholen_gegeven;scholen_met_niveau;aandeel_procent;"
	    "scholen_in_scope\r\n"
	    "F;G;T;0;ja;havo-2;1;0;4;25,0;4\r\n");
	json_decref(d);
	d = unit_json("[]");
	strbuf_init(&b);
	assert_int_equal(coverage_csv(d, 0, &b), -1);
	strbuf_free(&b);
	json_decref(d);
}

static void
test_html(void **state)
{
	struct strbuf	 b;
	json_t		*d;

	(void)state;
	d = unit_json(matrix);
	strbuf_init(&b);
	assert_int_equal(coverage_html(d, "/coverage-report.css", &b), 0);
	unit_contains(b.data,
	    "<!DOCTYPE html>\n<html lang=\"nl\">",
	    "<title>Dekkingsrapport: School &lt;A&gt; &amp; co</title>",
	    "<link rel=\"stylesheet\" href=\"/coverage-report.css\">",
	    "Plan &quot;1&quot; (2026-2027, concept)",
	    "<time datetime=\"2026-12-01T10:00:00\">2026-12-01</time>",
	    "Gedekt: 1 van de 2 doelen (50%); gegeven: 0 (0%).",
	    /* Domain row: roll-up; leaf row: only via a crosswalk. */
	    "<tr class=\"depth-0 group\"><th scope="
	    "\"row\"><span class=\"code\">D</span> Domein</th><td class=\"none "
	    "rollup\">0/2</td><td class=\"planned rollup\">1/2 <small>doelen"
	    "</small></td></tr>",
	    "<td class=\"via\">2/0<br><small>1 les</small></td>",
	    "<strong>Onderbouw po</strong>: <span "
	    "class=\"code\">G2</span> Twee",
	    "<strong>onderbreking</strong>",
	    /* Every gap and line break with the units that would close it. */
	    "<ol class=\"suggestions\" aria-label="
	    "\"Voorstellen\"><li>Unit &lt;A&gt; — Hiaat: dekt 2</li><li>Unit B "
	    "— dekt 1</li></ol></li>",
	    "(wel dekking ervoor en erna)<ol class="
	    "\"suggestions\" aria-label=\"Voorstellen\"><li>Unit C — "
	    "Onderbreking: dekt 1</li></ol></li>",
	    "les L3 (Les &lt;3&gt;) is gekoppeld aan "
	    "FX X1, dat exactMatchOf =G1 is");
	assert_null(strstr(b.data, "style="));
	assert_null(strstr(b.data, "<script"));
	/* Which goals: the selection, and the subject area when narrowed. */
	assert_non_null(strstr(b.data, "<dt>Selectie</dt><dd>de kaders en "
	    "doelen voor preventie</dd>"));
	assert_null(strstr(b.data, "<dt>Vakgebied</dt>"));
	json_object_set_new(d, "focus", json_string("alles"));
	json_object_set_new(d, "area", json_string("Mens & maatschappij"));
	strbuf_free(&b);
	strbuf_init(&b);
	assert_int_equal(coverage_html(d, "/coverage-report.css", &b), 0);
	assert_non_null(strstr(b.data, "<dt>Selectie</dt><dd>alle doelen van "
	    "de gekozen kaders</dd>\n<dt>Vakgebied</dt><dd>Mens &amp; "
	    "maatschappij</dd>"));
	strbuf_free(&b);
	json_decref(d);
}

static void
test_escape(void **state)
{
	struct strbuf	b;

	(void)state;
	strbuf_init(&b);
	assert_int_equal(coverage_html_escape(&b, "a<b>&\"c'"), 0);
	assert_int_equal(coverage_html_escape(&b, NULL), 0);
	assert_string_equal(b.data, "a&lt;b&gt;&amp;&quot;c&#39;");
	strbuf_free(&b);
}

UNIT_MAIN("coverage_report",
    cmocka_unit_test(test_params_defaults),
    cmocka_unit_test(test_params_good),
    cmocka_unit_test(test_params_bad),
    cmocka_unit_test(test_params_too_many),
    cmocka_unit_test(test_csv_matrix),
    cmocka_unit_test(test_csv_aggregate),
    cmocka_unit_test(test_html),
    cmocka_unit_test(test_escape))

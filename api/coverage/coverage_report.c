/*
 * coverage_report: parameters, CSV and HTML of the coverage reports.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coverage/coverage_doc.h"
#include "coverage/coverage_report.h"
#include "core/csv.h"
#include "planning/school_calendar.h"
#include "core/utf8.h"

static const char *const	vias[] = { "none", "exact", "all", NULL };
static const char *const	formats[] = { "json", "csv", "html", "xlsx",
				    NULL };
static const char *const	dialects[] = { "rfc4180", "excel-nl", NULL };
static const char *const	focuses[] = { "preventie", "alles", NULL };
static const char *const	types[] = { "PO", "SO", "VO", "VSO", "MBO",
				    NULL };
static const char *const	regions[] = { "noord", "midden", "zuid",
				    NULL };

/*
 * Check a comma separated list and copy it into out (size len); each
 * element must pass ok().  0, or -1 after an error in e.
 */
static int
parse_list(const char *v, const char *field, int (*ok)(const char *),
    const char *message, char *out, size_t len, struct param_errors *e)
{
	char	 buf[COVERAGE_LIST_MAX * 65], *s, *tok, *save;
	size_t	 n;

	out[0] = '\0';
	if (v == NULL)
		return (0);
	if (strlen(v) >= sizeof(buf) || strlen(v) >= len) {
		param_error(e, field, "te veel waarden");
		return (-1);
	}
	(void)utf8_fmt(buf, sizeof(buf), "%s", v);
	n = 0;
	save = NULL;
	for (s = buf; (tok = strtok_r(s, ",", &save)) != NULL; s = NULL) {
		if (!ok(tok) || ++n > COVERAGE_LIST_MAX) {
			param_error(e, field, n > COVERAGE_LIST_MAX ?
			    "te veel waarden" : message);
			return (-1);
		}
	}
	/* No empty elements: ",a", "a,,b", "a," and "" are errors. */
	if (n == 0 || v[0] == ',' || v[strlen(v) - 1] == ',' ||
	    strstr(v, ",,") != NULL) {
		param_error(e, field, message);
		return (-1);
	}
	(void)utf8_fmt(out, len, "%s", v);
	return (0);
}

static int
year_ok(const char *s)
{
	return (school_year_parse(s) != -1);
}

static int
framework_ok(const char *s)
{
	const char	*p;

	if (strlen(s) == 0 || strlen(s) > 64)
		return (0);
	for (p = s; *p != '\0'; p++) {
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '.' || *p == '_' ||
		    *p == '-'))
			return (0);
	}
	return (1);
}

/* An optional word of words into out ("" when absent). */
static void
parse_word(const char *v, const char *field, const char *const *words,
    const char *message, char *out, size_t len, const char *def,
    struct param_errors *e)
{
	(void)utf8_fmt(out, len, "%s", def);
	if (v == NULL)
		return;
	if (!param_is_one_of(v, words)) {
		param_error(e, field, message);
		return;
	}
	(void)utf8_fmt(out, len, "%s", v);
}

int
coverage_params_parse(coverage_lookup get, const void *arg, int aggregate,
    struct coverage_params *p, struct param_errors *e)
{
	const char	*v;
	size_t		 before;
	long		 n;

	before = e->n;
	memset(p, 0, sizeof(*p));
	(void)parse_list(get(arg, "years"), "years", year_ok,
	    "schrijf schooljaren met komma's, zoals 2026-2027,2027-2028",
	    p->years, sizeof(p->years), e);
	(void)parse_list(get(arg, "framework"), "framework", framework_ok,
	    "schrijf kadercodes met komma's, zoals CNU-DG-2019",
	    p->frameworks, sizeof(p->frameworks), e);
	parse_word(get(arg, "via"), "via", vias, "kies none, exact of all",
	    p->via, sizeof(p->via), "none", e);
	(void)snprintf(p->overlap, sizeof(p->overlap), "%d",
	    COVERAGE_OVERLAP_DEF);
	if ((v = get(arg, "overlap")) != NULL) {
		if (!param_int(v, COVERAGE_OVERLAP_MIN, COVERAGE_OVERLAP_MAX,
		    &n))
			param_error(e, "overlap", "een geheel getal van 2 tot "
			    "en met 100");
		else
			(void)snprintf(p->overlap, sizeof(p->overlap), "%ld",
			    n);
	}
	p->format = COVERAGE_JSON;
	if ((v = get(arg, "format")) != NULL) {
		if (!param_is_one_of(v, formats))
			param_error(e, "format", "kies json, csv, html of xlsx");
		else
			p->format = strcmp(v, "csv") == 0 ? COVERAGE_CSV :
			    strcmp(v, "html") == 0 ? COVERAGE_HTML :
			    strcmp(v, "xlsx") == 0 ? COVERAGE_XLSX :
			    COVERAGE_JSON;
	}
	p->focus = 1;
	if ((v = get(arg, "focus")) != NULL) {
		if (!param_is_one_of(v, focuses))
			param_error(e, "focus", "kies preventie of alles");
		else
			p->focus = strcmp(v, "preventie") == 0;
	}
	if ((v = get(arg, "area")) != NULL) {
		if (!param_text_ok(v, COVERAGE_AREA_MAX))
			param_error(e, "area", "de naam van een vakgebied, "
			    "zoals Oriëntatie op jezelf en de wereld");
		else
			(void)snprintf(p->area, sizeof(p->area), "%s", v);
	}
	p->csv_flags = 0;
	if ((v = get(arg, "dialect")) != NULL) {
		if (!param_is_one_of(v, dialects))
			param_error(e, "dialect", "kies rfc4180 of excel-nl");
		else if (strcmp(v, "excel-nl") == 0)
			p->csv_flags = CSV_SEMICOLON;
	}
	if (aggregate) {
		parse_word(get(arg, "type"), "type", types,
		    "kies PO, SO, VO, VSO of MBO", p->type, sizeof(p->type),
		    "", e);
		parse_word(get(arg, "region"), "region", regions,
		    "kies noord, midden of zuid", p->region,
		    sizeof(p->region), "", e);
		p->school = get(arg, "school");
		if (p->school != NULL && !param_is_uuid(p->school))
			param_error(e, "school", "het id (UUID) van een school");
	}
	return (e->n > before ? -1 : 0);
}

/* CSV ---------------------------------------------------------------------- */

static const char *const	matrix_header[] = { "kader", "doel",
	"doel_titel", "diepte", "blad", "niveau", "items", "items_gegeven",
	"lessen", "lessen_gegeven", "items_via_verwant", "subdoelen_totaal",
	"subdoelen_gedekt", "subdoelen_gegeven", "voorstellen" };
static const char *const	aggregate_header[] = { "kader", "doel",
	"doel_titel", "diepte", "blad", "niveau", "scholen",
	"scholen_gegeven", "scholen_met_niveau", "aandeel_procent",
	"scholen_in_scope" };

/* A share (0..1) as a percentage with one decimal: "25.0" or "25,0". */
static int
csv_share(struct csv *c, double v)
{
	char	buf[32], *p;

	(void)snprintf(buf, sizeof(buf), "%.1f", v * 100.0);
	if ((c->flags & CSV_SEMICOLON) && (p = strchr(buf, '.')) != NULL)
		*p = ',';
	return (csv_field(c, buf));
}

/*
 * The fields of one goal and level lv, after the common ones.  The
 * aggregate's share is over the schools that teach the level (the
 * level's "schools"), which the record says.
 */
static int
csv_cell(struct csv *c, const json_t *doc, const json_t *g,
    const json_t *lv)
{
	const json_t	*cell, *roll, *rl;
	const char	*level;
	int		 rc;

	level = str(lv, "code");
	cell = json_object_get(json_object_get(g, "cells"), level);
	if (is_aggregate(doc))
		return (csv_field_long(c, num(cell, "schools")) ||
		    csv_field_long(c, num(cell, "schools_given")) ||
		    csv_field_long(c, num(lv, "schools")) ||
		    csv_share(c, real(cell, "share")) ||
		    csv_field_long(c, num(json_object_get(doc, "scope"),
		    "schools")));
	rc = csv_field_long(c, num(cell, "items")) ||
	    csv_field_long(c, num(cell, "items_given")) ||
	    csv_field_long(c, num(cell, "lessons")) ||
	    csv_field_long(c, num(cell, "lessons_given")) ||
	    csv_field_long(c, num(cell, "via_items"));
	roll = json_object_get(g, "rollup");
	if (!json_is_object(roll))
		return (rc || csv_field(c, NULL) || csv_field(c, NULL) ||
		    csv_field(c, NULL));
	rl = json_object_get(json_object_get(roll, "levels"), level);
	return (rc || csv_field_long(c, num(roll, "goals_total")) ||
	    csv_field_long(c, num(rl, "goals_covered")) ||
	    csv_field_long(c, num(rl, "goals_given")));
}

const char *
coverage_level_name(const json_t *level)
{
	const char	*t;

	t = str(level, "title");
	return (*t != '\0' ? t : str(level, "code"));
}

/* The stage of level code in the report (NULL when unknown). */
static const char *
level_stage(const json_t *doc, const char *level)
{
	const json_t	*lv;
	size_t		 i;

	json_array_foreach(json_object_get(doc, "levels"), i, lv) {
		if (level != NULL && strcmp(str(lv, "code"), level) == 0)
			return (json_string_value(json_object_get(lv,
			    "stage")));
	}
	return (NULL);
}

/* Is goal g (by id, else by code) one of the goals of gap entry s? */
static int
gap_has_goal(const json_t *s, const json_t *g)
{
	const json_t	*x;
	const char	*a, *b;
	size_t		 i;

	b = json_string_value(json_object_get(g, "id"));
	if (b == NULL)
		b = str(g, "code");
	json_array_foreach(json_object_get(s, "goals"), i, x) {
		a = json_string_value(json_object_get(x, "id"));
		if (a == NULL)
			a = str(x, "code");
		if (a[0] != '\0' && strcmp(a, b) == 0)
			return (1);
	}
	return (0);
}

/*
 * The suggestions field of goal g at level: when g is a gap of the
 * level's stage, the units that would close it ("title: reason", best
 * first, separated by " | "); else empty.
 */
static int
csv_suggestions(struct csv *c, const json_t *doc, const json_t *fw,
    const json_t *g, const char *level)
{
	struct strbuf	 b;
	const json_t	*s, *u;
	const char	*stage;
	size_t		 i, j;
	int		 rc = 0;

	strbuf_init(&b);
	stage = level_stage(doc, level);
	json_array_foreach(json_object_get(fw, "stage_gaps"), i, s) {
		if (stage == NULL || strcmp(stage, str(s, "stage")) != 0 ||
		    !gap_has_goal(s, g))
			continue;
		json_array_foreach(json_object_get(s, "suggestions"), j, u) {
			rc |= strbuf_appendf(&b, "%s%s: %s", b.len > 0 ?
			    " | " : "", str(u, "title"), str(u, "reason"));
		}
	}
	rc = rc || csv_field(c, b.len > 0 ? b.data : NULL);
	strbuf_free(&b);
	return (rc);
}

int
coverage_csv(const json_t *doc, unsigned csv_flags, struct strbuf *out)
{
	struct csv	 c;
	const json_t	*fw, *g, *lv;
	size_t		 i, j, k;
	int		 agg, rc;

	if (!json_is_object(doc) || !json_is_array(json_object_get(doc,
	    "frameworks")))
		return (-1);
	agg = is_aggregate(doc);
	if (csv_begin(&c, out, CSV_BOM | CSV_FORMULA_GUARD | csv_flags) == -1)
		return (-1);
	if (csv_record(&c, agg ? aggregate_header : matrix_header,
	    agg ? sizeof(aggregate_header) / sizeof(aggregate_header[0]) :
	    sizeof(matrix_header) / sizeof(matrix_header[0])) == -1)
		return (-1);
	json_array_foreach(json_object_get(doc, "frameworks"), i, fw) {
		json_array_foreach(json_object_get(fw, "goals"), j, g) {
			json_array_foreach(json_object_get(doc, "levels"), k,
			    lv) {
				rc = csv_field(&c, str(fw, "code")) ||
				    csv_field(&c, str(g, "code")) ||
				    csv_field(&c, str(g, "title")) ||
				    csv_field_long(&c, num(g, "depth")) ||
				    csv_field(&c, json_is_true(json_object_get(g,
				    "leaf")) ? "ja" : "nee") ||
				    csv_field(&c, coverage_level_name(lv)) ||
				    csv_cell(&c, doc, g, lv) ||
				    (!agg && csv_suggestions(&c, doc, fw, g,
				    str(lv, "code"))) ||
				    csv_end_record(&c);
				if (rc != 0)
					return (-1);
			}
		}
	}
	return (0);
}

/* HTML --------------------------------------------------------------------- */

/*
 * coverage_html: the printable HTML of the coverage reports (the CSV and
 * the parameters: coverage_report.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coverage/coverage_doc.h"
#include "coverage/coverage_report.h"
#include "core/utf8.h"

int
coverage_html_escape(struct strbuf *out, const char *s)
{
	const char	*p, *rep;
	size_t		 run;

	if (s == NULL)
		return (0);
	for (p = s; *p != '\0'; p++) {
		switch (*p) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = "&quot;";
			break;
		case '\'':
			rep = "&#39;";
			break;
		default:
			continue;
		}
		run = (size_t)(p - s);
		if (strbuf_append(out, s, run) == -1 ||
		    strbuf_append(out, rep, strlen(rep)) == -1)
			return (-1);
		s = p + 1;
	}
	return (strbuf_append(out, s, strlen(s)));
}

/* Literal markup. */
static int
lit(struct strbuf *b, const char *s)
{
	return (strbuf_append(b, s, strlen(s)));
}

/* Escaped text. */
static int
txt(struct strbuf *b, const char *s)
{
	return (coverage_html_escape(b, s));
}

static int
percent(struct strbuf *b, double v)
{
	return (strbuf_appendf(b, "%.0f%%", v * 100.0));
}

/* A comma separated list of the strings of array a. */
static int
txt_list(struct strbuf *b, const json_t *a)
{
	const json_t	*v;
	size_t		 i;
	int		 rc = 0;

	json_array_foreach(a, i, v) {
		if (i > 0)
			rc |= lit(b, ", ");
		rc |= txt(b, json_string_value(v));
	}
	return (rc);
}

static int
html_scope(struct strbuf *b, const json_t *doc)
{
	const json_t	*scope, *school, *p;
	size_t		 i;
	int		 rc = 0;
	const char	*via;

	scope = json_object_get(doc, "scope");
	school = json_object_get(scope, "school");
	rc |= lit(b, "<dl class=\"scope\">\n");
	if (json_is_object(school)) {
		rc |= lit(b, "<dt>School</dt><dd>") || txt(b, str(school, "name")) ||
		    lit(b, " (BRIN ") || txt(b, str(school, "brin")) ||
		    txt(b, str(school, "vestiging")) || lit(b, ", ") ||
		    txt(b, str(school, "type")) || lit(b, ", regio ") ||
		    txt(b, str(school, "region")) || lit(b, ")</dd>\n");
	} else {
		rc |= lit(b, "<dt>Scholen</dt><dd>") || strbuf_appendf(b, "%ld",
		    num(scope, "schools")) || lit(b, " scholen");
		if (*str(scope, "type") != '\0')
			rc |= lit(b, ", type ") || txt(b, str(scope, "type"));
		if (*str(scope, "region") != '\0')
			rc |= lit(b, ", regio ") || txt(b, str(scope, "region"));
		rc |= lit(b, "</dd>\n");
	}
	rc |= lit(b, "<dt>Schooljaren</dt><dd>") ||
	    txt_list(b, json_object_get(scope, "school_years")) ||
	    lit(b, "</dd>\n");
	if (json_array_size(json_object_get(scope, "plans")) > 0) {
		rc |= lit(b, "<dt>Jaarplannen</dt><dd>");
		json_array_foreach(json_object_get(scope, "plans"), i, p) {
			rc |= lit(b, i > 0 ? "; " : "") || txt(b, str(p, "title")) ||
			    lit(b, " (") || txt(b, str(p, "school_year")) ||
			    lit(b, ", ") || txt(b, str(p, "status")) || lit(b, ")");
		}
		rc |= lit(b, "</dd>\n");
	}
	rc |= lit(b, "<dt>Selectie</dt><dd>") || txt(b,
	    strcmp(str(doc, "focus"), "alles") == 0 ? "alle doelen van de "
	    "gekozen kaders" : "de kaders en doelen voor preventie") ||
	    lit(b, "</dd>\n");
	if (*str(doc, "area") != '\0')
		rc |= lit(b, "<dt>Vakgebied</dt><dd>") ||
		    txt(b, str(doc, "area")) || lit(b, "</dd>\n");
	via = str(doc, "via");
	rc |= lit(b, "<dt>Kruistabellen</dt><dd>") || txt(b,
	    strcmp(via, "exact") == 0 ? "ook doelen die via exactMatchOf "
	    "gelijk zijn aan een gekoppeld doel" : strcmp(via, "all") == 0 ?
	    "ook doelen via exactMatchOf en isRelatedTo" : "nee: alleen de "
	    "eigen koppelingen van de lessen") || lit(b, "</dd>\n");
	rc |= lit(b, "<dt>Datum</dt><dd><time datetime=\"") ||
	    txt(b, str(doc, "generated_at")) || lit(b, "\">") ||
	    txt(b, str(doc, "generated_on")) || lit(b, "</time></dd>\n</dl>\n");
	return (rc);
}

static int
html_legend(struct strbuf *b, int agg)
{
	if (agg)
		return (lit(b, "<section class=\"legend\"><h2>Legenda</h2>\n"
		    "<p>Per doel en leerjaar: het aantal scholen met een geplande "
		    "les voor dat doel in dat leerjaar en tussen haakjes hun "
		    "aandeel van alle scholen in de selectie; daaronder hoeveel "
		    "scholen de les al gaven.</p>\n<ul>\n"
		    "<li><span class=\"swatch given\"></span> ten minste één "
		    "school gaf een les</li>\n"
		    "<li><span class=\"swatch planned\"></span> alleen gepland"
		    "</li>\n<li><span class=\"swatch none\"></span> geen school"
		    "</li>\n</ul>\n</section>\n"));
	return (lit(b, "<section class=\"legend\"><h2>Legenda</h2>\n"
	    "<p>Per doel en leerjaar: <strong>gepland/gegeven</strong> "
	    "onderdelen van de jaarplannen (lessen die niet vervallen zijn; "
	    "gegeven = status gegeven) en het aantal verschillende lessen. "
	    "Bij een domein of ander doel met subdoelen: hoeveel van de "
	    "subdoelen in dat leerjaar gedekt zijn.</p>\n<ul>\n"
	    "<li><span class=\"swatch given\"></span> gegeven</li>\n"
	    "<li><span class=\"swatch planned\"></span> gepland, nog niet "
	    "gegeven</li>\n"
	    "<li><span class=\"swatch via\"></span> alleen via een "
	    "kruistabel (zie Herkomst)</li>\n"
	    "<li><span class=\"swatch none\"></span> niet gedekt</li>\n"
	    "</ul>\n</section>\n"));
}

static int
html_cell(struct strbuf *b, const json_t *doc, const json_t *g,
    const char *level)
{
	const json_t	*cell, *roll, *rl;
	const char	*cls;
	int		 rc = 0;

	cell = json_object_get(json_object_get(g, "cells"), level);
	if (is_aggregate(doc)) {
		if (cell == NULL)
			return (lit(b, "<td class=\"none\">–</td>"));
		rc |= strbuf_appendf(b, "<td class=\"%s\">%ld (",
		    num(cell, "schools_given") > 0 ? "given" : "planned",
		    num(cell, "schools")) || percent(b, real(cell, "share")) ||
		    strbuf_appendf(b, ")<br><small>%ld gaven</small></td>",
		    num(cell, "schools_given"));
		return (rc);
	}
	roll = json_object_get(g, "rollup");
	if (json_is_object(roll) && cell == NULL) {
		rl = json_object_get(json_object_get(roll, "levels"), level);
		if (rl == NULL)
			return (strbuf_appendf(b, "<td class=\"none rollup\">0/%ld"
			    "</td>", num(roll, "goals_total")));
		return (strbuf_appendf(b, "<td class=\"%s rollup\">%ld/%ld "
		    "<small>doelen</small></td>", num(rl, "goals_given") > 0 ?
		    "given" : "planned", num(rl, "goals_covered"),
		    num(roll, "goals_total")));
	}
	if (cell == NULL)
		return (lit(b, "<td class=\"none\">–</td>"));
	cls = num(cell, "via_items") == num(cell, "items") ? "via" :
	    num(cell, "items_given") > 0 ? "given" : "planned";
	return (strbuf_appendf(b, "<td class=\"%s\">%ld/%ld<br><small>%ld "
	    "%s</small></td>", cls, num(cell, "items"),
	    num(cell, "items_given"), num(cell, "lessons"),
	    num(cell, "lessons") == 1 ? "les" : "lessen"));
}

static int
html_matrix(struct strbuf *b, const json_t *doc, const json_t *fw)
{
	const json_t	*g, *lv, *levels;
	size_t		 i, j;
	long		 depth;
	int		 rc = 0;

	levels = json_object_get(doc, "levels");
	rc |= lit(b, "<table class=\"matrix\">\n<caption>") ||
	    txt(b, str(fw, "code")) || lit(b, ": doelen × leerjaren</caption>\n"
	    "<thead><tr><th scope=\"col\">Doel</th>");
	json_array_foreach(levels, j, lv) {
		rc |= lit(b, "<th scope=\"col\" title=\"") ||
		    txt(b, str(lv, "title")) || lit(b, "\">") ||
		    txt(b, str(lv, "code")) || lit(b, "</th>");
	}
	rc |= lit(b, "</tr></thead>\n<tbody>\n");
	json_array_foreach(json_object_get(fw, "goals"), i, g) {
		depth = num(g, "depth");
		if (depth > 6)
			depth = 6;
		rc |= strbuf_appendf(b, "<tr class=\"depth-%ld%s\"><th scope="
		    "\"row\"><span class=\"code\">", depth,
		    json_is_true(json_object_get(g, "leaf")) ? "" : " group") ||
		    txt(b, str(g, "code")) || lit(b, "</span> ") ||
		    txt(b, str(g, "title")) || lit(b, "</th>");
		json_array_foreach(levels, j, lv)
			rc |= html_cell(b, doc, g, str(lv, "code"));
		rc |= lit(b, "</tr>\n");
	}
	return (rc || lit(b, "</tbody>\n</table>\n"));
}

/* The units that would close a gap or a line break, best first. */
static int
html_suggestions(struct strbuf *b, const json_t *entry)
{
	const json_t	*list, *u;
	size_t		 i;
	int		 rc = 0;

	list = json_object_get(entry, "suggestions");
	if (json_array_size(list) == 0)
		return (0);
	rc |= lit(b, "<ol class=\"suggestions\" aria-label=\"Voorstellen\">");
	json_array_foreach(list, i, u) {
		rc |= lit(b, "<li>") || txt(b, str(u, "title")) ||
		    lit(b, " — ") || txt(b, str(u, "reason")) ||
		    lit(b, "</li>");
	}
	return (rc || lit(b, "</ol>"));
}

/*
 * A section of fw's list key: its heading, then none when the list is
 * empty, else open (a <ul>) before the items; list_end() closes it.
 */
static int
list_start(struct strbuf *b, const json_t *fw, const char *key,
    const char *heading, const char *none, const char *open)
{
	return (lit(b, heading) ||
	    lit(b, json_array_size(json_object_get(fw, key)) == 0 ? none :
	    open));
}

static int
list_end(struct strbuf *b, const json_t *fw, const char *key)
{
	if (json_array_size(json_object_get(fw, key)) == 0)
		return (0);
	return (lit(b, "</ul>\n"));
}

static int
html_gaps(struct strbuf *b, const json_t *fw)
{
	const json_t	*s, *g, *lb, *o;
	size_t		 i, j;
	int		 rc = 0;

	rc |= list_start(b, fw, "stage_gaps", "<h3>Hiaten per fase</h3>\n",
	    "<p>Geen: elk doel is gedekt in elke fase waarvoor het bedoeld "
	    "is.</p>\n", "<ul class=\"gaps\">\n");
	json_array_foreach(json_object_get(fw, "stage_gaps"), i, s) {
		rc |= lit(b, "<li><strong>") || txt(b, str(s, "stage_title")) ||
		    lit(b, "</strong>: ");
		json_array_foreach(json_object_get(s, "goals"), j, g) {
			rc |= lit(b, j > 0 ? ", " : "") ||
			    lit(b, "<span class=\"code\">") ||
			    txt(b, str(g, "code")) || lit(b, "</span> ") ||
			    txt(b, str(g, "title"));
		}
		rc |= html_suggestions(b, s) || lit(b, "</li>\n");
	}
	rc |= list_end(b, fw, "stage_gaps");

	rc |= list_start(b, fw, "line_breaks", "<h3>Doorlopende leerlijn: "
	    "fasen zonder dekking van een domein</h3>\n", "<p>Geen.</p>\n",
	    "<ul class=\"breaks\">\n");
	json_array_foreach(json_object_get(fw, "line_breaks"), i, lb) {
		rc |= lit(b, "<li><span class=\"code\">") ||
		    txt(b, str(lb, "domain")) || lit(b, "</span> ") ||
		    txt(b, str(lb, "domain_title")) || lit(b, ": ") ||
		    txt(b, str(lb, "stage_title")) ||
		    lit(b, json_is_true(json_object_get(lb, "break")) ?
		    " — <strong>onderbreking</strong> (wel dekking ervoor en "
		    "erna)" : "") || html_suggestions(b, lb) ||
		    lit(b, "</li>\n");
	}
	rc |= list_end(b, fw, "line_breaks");

	rc |= list_start(b, fw, "overlaps", "<h3>Overlap</h3>\n",
	    "<p>Geen.</p>\n", "<ul class=\"overlaps\">\n");
	json_array_foreach(json_object_get(fw, "overlaps"), i, o) {
		rc |= lit(b, "<li><span class=\"code\">") ||
		    txt(b, str(o, "goal")) || lit(b, "</span> in ") ||
		    txt(b, str(o, "level")) || lit(b, ", ") ||
		    txt(b, str(o, "school_year")) ||
		    strbuf_appendf(b, ": %ld verschillende lessen (%ld "
		    "onderdelen)</li>\n", num(o, "lessons"), num(o, "items"));
	}
	return (rc | list_end(b, fw, "overlaps"));
}

static int
html_paths(struct strbuf *b, const json_t *fw)
{
	const json_t	*g, *p;
	size_t		 i, j;
	int		 rc = 0, any = 0;

	json_array_foreach(json_object_get(fw, "goals"), i, g) {
		json_array_foreach(json_object_get(g, "paths"), j, p) {
			if (!any)
				rc |= lit(b, "<h3>Herkomst via kruistabellen</h3>\n"
				    "<ul class=\"paths\">\n");
			any = 1;
			rc |= lit(b, "<li><span class=\"code\">") ||
			    txt(b, str(g, "code")) || lit(b, "</span> ← les ") ||
			    txt(b, str(p, "lesson")) || lit(b, " (") ||
			    txt(b, str(p, "lesson_title")) || lit(b, ") is "
			    "gekoppeld aan ") || txt(b, str(p, "via_framework")) ||
			    lit(b, " ") || txt(b, str(p, "via_goal")) ||
			    lit(b, ", dat ") || txt(b, str(p, "relation")) ||
			    lit(b, " ") || txt(b, str(g, "code")) || lit(b, " is</li>\n");
		}
	}
	if (any)
		rc |= lit(b, "</ul>\n");
	return (rc);
}

/* Items at a level their lesson is not meant for: listed, not counted. */
static int
html_out_of_level(struct strbuf *b, const json_t *doc)
{
	const json_t	*o;
	size_t		 i;
	int		 rc = 0;

	if (json_array_size(json_object_get(doc, "out_of_level")) == 0)
		return (0);
	rc |= lit(b, "<section class=\"out-of-level\">\n<h2>Buiten niveau"
	    "</h2>\n<p>Deze lessen staan gepland op een niveau waarvoor ze "
	    "niet bedoeld zijn; ze tellen niet mee als dekking.</p>\n<ul>\n");
	json_array_foreach(json_object_get(doc, "out_of_level"), i, o) {
		rc |= lit(b, "<li>") || txt(b, str(o, "lesson_title")) ||
		    lit(b, " in ") || txt(b, str(o, "level_title")) ||
		    lit(b, " (") || txt(b, str(o, "school_year")) ||
		    strbuf_appendf(b, "): %ld keer</li>\n", num(o, "items"));
	}
	return (rc | lit(b, "</ul>\n</section>\n"));
}

int
coverage_html(const json_t *doc, const char *css_href, struct strbuf *out)
{
	const json_t	*fw, *scope;
	size_t		 i;
	int		 agg, rc = 0;

	if (!json_is_object(doc) || !json_is_array(json_object_get(doc,
	    "frameworks")))
		return (-1);
	agg = is_aggregate(doc);
	scope = json_object_get(doc, "scope");
	rc |= lit(out, "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<title>Dekkingsrapport: ") ||
	    txt(out, agg ? "scholen" : str(json_object_get(scope, "school"),
	    "name")) || lit(out, "</title>\n<link rel=\"stylesheet\" href=\"") ||
	    txt(out, css_href) || lit(out, "\">\n</head>\n<body>\n<header>\n"
	    "<h1>Dekkingsrapport leerdoelen</h1>\n") || html_scope(out, doc) ||
	    lit(out, "</header>\n<main>\n") || html_legend(out, agg);
	if (json_array_size(json_object_get(doc, "frameworks")) == 0)
		rc |= lit(out, "<p class=\"empty\">Niets gepland in deze "
		    "selectie.</p>\n");
	json_array_foreach(json_object_get(doc, "frameworks"), i, fw) {
		rc |= lit(out, "<section class=\"framework\">\n<h2>") ||
		    txt(out, str(fw, "code")) || lit(out, " — ") ||
		    txt(out, str(fw, "title")) || lit(out, "</h2>\n<p class=\""
		    "share\">");
		if (agg)
			rc |= strbuf_appendf(out, "%ld van de %ld doelen zijn bij "
			    "ten minste één school gepland.", num(fw,
			    "goals_covered"), num(fw, "goals_total"));
		else
			rc |= strbuf_appendf(out, "Gedekt: %ld van de %ld doelen (",
			    num(fw, "goals_covered"), num(fw, "goals_total")) ||
			    percent(out, real(fw, "share")) ||
			    strbuf_appendf(out, "); gegeven: %ld (",
			    num(fw, "goals_given")) ||
			    percent(out, real(fw, "share_given")) || lit(out, ").");
		rc |= lit(out, "</p>\n");
		if (json_is_true(json_object_get(fw, "own_list")))
			rc |= lit(out, "<p class=\"own-list\">De eigen "
			    "doelenlijst van een lespakket: de lessen van het "
			    "pakket dekken de doelen die de tabel van het pakket "
			    "zelf aan ze koppelt (vastgelegd als koppelingen, "
			    "niet via een kruistabel).</p>\n");
		rc |= html_matrix(out, doc, fw);
		if (!agg)
			rc |= html_gaps(out, fw) || html_paths(out, fw);
		rc |= lit(out, "</section>\n");
	}
	rc |= html_out_of_level(out, doc);
	rc |= lit(out, "</main>\n<footer><p>Leerlijn — dekkingsrapport, "
	    "gemaakt op ") || txt(out, str(doc, "generated_on")) ||
	    lit(out, ". Alleen lessen die niet vervallen zijn tellen; "
	    "terugkommomenten tellen niet mee.</p></footer>\n</body>\n"
	    "</html>\n");
	return (rc != 0 ? -1 : 0);
}

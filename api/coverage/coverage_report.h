/*
 * coverage_report: the parameters of the coverage reports and their CSV
 * and printable HTML forms.  Plain C with jansson: no Kore, no libpq.
 *
 * A report document is what schema/functions/coverage.sql builds: a
 * matrix of one school or one plan (scope.kind "school" or "plan"), or
 * the aggregate over schools (scope.kind "schools").
 */
#ifndef LEERLIJN_COVERAGE_REPORT_H
#define LEERLIJN_COVERAGE_REPORT_H

#include <jansson.h>

#include "core/params.h"
#include "core/strbuf.h"

#define COVERAGE_LIST_MAX	16	/* years or frameworks in one request */
#define COVERAGE_OVERLAP_DEF	3
#define COVERAGE_OVERLAP_MIN	2
#define COVERAGE_OVERLAP_MAX	100
#define COVERAGE_AREA_MAX	120	/* code points of a subject area */

enum coverage_format {
	COVERAGE_JSON,
	COVERAGE_CSV,
	COVERAGE_HTML,
	COVERAGE_XLSX
};

struct coverage_params {
	char			 years[COVERAGE_LIST_MAX * 10];	/* "a,b" or "" */
	char			 frameworks[COVERAGE_LIST_MAX * 65];
	char			 via[8];		/* none|exact|all */
	char			 overlap[8];		/* "3" */
	char			 type[4];		/* PO|SO|VO|VSO|MBO or "" */
	char			 region[8];		/* noord|midden|zuid or "" */
	const char		*school;		/* a UUID or NULL */
	enum coverage_format	 format;
	unsigned		 csv_flags;	/* dialect=excel-nl: CSV_SEMICOLON */
	int			 focus;		/* 1: focus=preventie (default) */
	/* area=: a subject area (a top-level goal's title) or "" */
	char			 area[COVERAGE_AREA_MAX * 4 + 1];
};

/* Looks up a query parameter (NULL when absent). */
typedef const char *(*coverage_lookup)(const void *arg, const char *key);

/*
 * Read and check the query parameters years (comma separated school
 * years), framework (comma separated codes), via, overlap, format,
 * dialect, focus, area and —
 * when aggregate — type, region and school.  Errors go into e (field and
 * Dutch message); returns 0, or -1 when there are errors.
 */
int	coverage_params_parse(coverage_lookup get, const void *arg,
	    int aggregate, struct coverage_params *p, struct param_errors *e);

/*
 * The report as CSV (RFC 4180, UTF-8 with BOM, CRLF, formula guard): one
 * record per goal and level (every level of the report, also the empty
 * cells), Dutch headers, levels by name, shares as percentages.
 * csv_flags CSV_SEMICOLON: ';' between fields and a decimal comma (Dutch
 * Excel).  Appends to out; 0, or -1 when memory runs out or doc is not a
 * report.
 */
int	coverage_csv(const json_t *doc, unsigned csv_flags,
	    struct strbuf *out);
/*
 * The report as an Excel workbook: one sheet per framework, a row per
 * goal and a column per level (items, or for the aggregate the share of
 * schools as a percentage cell).  Appends to out; 0 or -1.
 */
int	coverage_xlsx(const json_t *doc, struct strbuf *out);
/* A level of the report by name ("havo 2"), else its code. */
const char	*coverage_level_name(const json_t *level);
/*
 * The report as a printable HTML page (stylesheet css_href; no inline
 * style or script): scope, date, legend, per framework the matrix, and
 * for a school or plan the gaps, line breaks, overlaps and crosswalk
 * paths.  Appends to out; 0 or -1.
 */
int	coverage_html(const json_t *doc, const char *css_href,
	    struct strbuf *out);
/* Escape s for HTML text and attribute values into out; 0 or -1. */
int	coverage_html_escape(struct strbuf *out, const char *s);

#endif

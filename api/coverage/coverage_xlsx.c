/*
 * coverage_xlsx: a coverage report as an Excel workbook (see
 * coverage_report.h).  One sheet per framework: a row per goal (indented
 * by depth), a column per level of the report.  A school's or plan's
 * report counts the plan items per cell; the aggregate gives the share
 * of schools as a percentage cell, over the schools that teach the level,
 * and says so in a last row with their number per level.
 */
#include <stdlib.h>
#include <string.h>

#include "core/xlsx.h"
#include "coverage/coverage_report.h"

#define FIXED_COLUMNS	2	/* code, goal */

static const char *
text(const json_t *o, const char *key)
{
	return (json_string_value(json_object_get(o, key)));
}

static int
goal_row(struct xlsx *x, lxw_worksheet *ws, size_t row, const json_t *g,
    const json_t *levels, int aggregate)
{
	const json_t	*cells, *cell, *lv;
	struct strbuf	 title;
	json_int_t	 depth;
	size_t		 k;
	int		 rc;

	strbuf_init(&title);
	for (depth = json_integer_value(json_object_get(g, "depth"));
	    depth > 0; depth--)
		if (strbuf_append(&title, "  ", 2) == -1)
			return (-1);
	rc = strbuf_appendf(&title, "%s", text(g, "title") != NULL ?
	    text(g, "title") : "") == -1 ||
	    xlsx_text(x, ws, row, 0, text(g, "code")) == -1 ||
	    xlsx_text(x, ws, row, 1, title.data) == -1;
	strbuf_free(&title);
	if (rc)
		return (-1);
	cells = json_object_get(g, "cells");
	json_array_foreach(levels, k, lv) {
		cell = json_object_get(cells, text(lv, "code"));
		if (aggregate)
			rc = worksheet_write_number(ws, (lxw_row_t)row,
			    (lxw_col_t)(FIXED_COLUMNS + k), json_number_value(
			    json_object_get(cell, "share")), x->percent) !=
			    LXW_NO_ERROR;
		else
			rc = worksheet_write_number(ws, (lxw_row_t)row,
			    (lxw_col_t)(FIXED_COLUMNS + k), (double)
			    json_integer_value(json_object_get(cell, "items")),
			    NULL) != LXW_NO_ERROR;
		if (rc)
			return (-1);
	}
	return (0);
}

static int
framework_sheet(struct xlsx *x, const json_t *fw, const json_t *levels,
    int aggregate)
{
	struct xlsx_column	*cols;
	lxw_worksheet		*ws;
	const json_t		*goals, *g, *lv;
	size_t			 n, i;
	int			 rc;

	n = FIXED_COLUMNS + json_array_size(levels);
	if ((cols = calloc(n, sizeof(*cols))) == NULL)
		return (-1);
	cols[0] = (struct xlsx_column){ "Code", 14 };
	cols[1] = (struct xlsx_column){ "Doel", 60 };
	json_array_foreach(levels, i, lv)
		cols[FIXED_COLUMNS + i] = (struct xlsx_column){
		    coverage_level_name(lv), 10 };
	goals = json_object_get(fw, "goals");
	ws = xlsx_sheet(x, text(fw, "code") != NULL ? text(fw, "code") :
	    "Kader", cols, n, json_array_size(goals));
	free(cols);
	if (ws == NULL)
		return (-1);
	rc = 0;
	json_array_foreach(goals, i, g) {
		if ((rc = goal_row(x, ws, i + 1, g, levels, aggregate)) != 0)
			return (rc);
	}
	if (!aggregate)
		return (0);
	/* The 100% of each column, after an empty row. */
	i = json_array_size(goals) + 2;
	if (xlsx_text(x, ws, i, 1, "Scholen met dit niveau (= 100%)") == -1)
		return (-1);
	json_array_foreach(levels, n, lv) {
		if (worksheet_write_number(ws, (lxw_row_t)i,
		    (lxw_col_t)(FIXED_COLUMNS + n), (double)json_integer_value(
		    json_object_get(lv, "schools")), NULL) != LXW_NO_ERROR)
			return (-1);
	}
	return (0);
}

int
coverage_xlsx(const json_t *doc, struct strbuf *out)
{
	struct xlsx	 x;
	const json_t	*fw, *levels;
	const char	*kind;
	size_t		 i;
	int		 aggregate;

	if (!json_is_object(doc) || !json_is_array(json_object_get(doc,
	    "frameworks")) || xlsx_open(&x) == -1)
		return (-1);
	kind = text(json_object_get(doc, "scope"), "kind");
	aggregate = kind != NULL && strcmp(kind, "schools") == 0;
	levels = json_object_get(doc, "levels");
	json_array_foreach(json_object_get(doc, "frameworks"), i, fw) {
		if (framework_sheet(&x, fw, levels, aggregate) == -1) {
			(void)xlsx_close(&x, NULL);
			return (-1);
		}
	}
	return (xlsx_close(&x, out));
}

/*
 * plan_xlsx: see plan_xlsx.h.
 */
#include <stdio.h>
#include <string.h>

#include "core/xlsx.h"
#include "planning/plan_xlsx.h"

static const struct xlsx_column	columns[] = {
	{ "Week", 9 }, { "Datum", 12 }, { "Van", 12 }, { "Tot", 12 },
	{ "Niveau", 12 }, { "Klas", 8 }, { "Soort", 16 }, { "Les", 40 },
	{ "Programma", 30 }, { "Leraar", 20 }, { "Status", 11 },
	{ "Gegeven op", 12 }, { "Veiligheid voorbereid", 12 },
	{ "Notities", 40 }, { "Waarschuwingen", 60 },
};

static const char *
str(const json_t *o, const char *key)
{
	return (json_string_value(json_object_get(o, key)));
}

/* "2026-W37" → "week 37"; anything else unchanged. */
static const char *
week_name(const char *iso, char *buf, size_t len)
{
	int	y, w;
	char	tail;

	if (iso == NULL)
		return (NULL);
	if (sscanf(iso, "%4d-W%2d%c", &y, &w, &tail) != 2)
		return (iso);
	(void)snprintf(buf, len, "week %d", w);
	return (buf);
}

static const char *
kind_name(const char *kind)
{
	if (kind == NULL)
		return (NULL);
	if (strcmp(kind, "terugkommoment") == 0)
		return ("Terugkommoment");
	if (strcmp(kind, "les") == 0)
		return ("Les");
	return (kind);
}

/* The unit's programme: its title when the document has it, else its code. */
static const char *
programme_name(const json_t *lesson)
{
	const char	*t;

	t = str(lesson, "programme_title");
	return (t != NULL ? t : str(lesson, "programme"));
}

static int
warnings(const json_t *it, struct strbuf *b)
{
	const json_t	*w;
	size_t		 i;

	json_array_foreach(json_object_get(it, "warnings"), i, w) {
		if (strbuf_appendf(b, "%s%s", i > 0 ? "\n" : "",
		    str(w, "message") != NULL ? str(w, "message") : "") == -1)
			return (-1);
	}
	return (0);
}

static int
item_row(struct xlsx *x, lxw_worksheet *ws, size_t row, const json_t *it)
{
	const json_t	*lesson;
	struct strbuf	 w;
	char		 wk[16];
	int		 rc;

	lesson = json_object_get(it, "lesson");
	strbuf_init(&w);
	rc = warnings(it, &w) ||
	    xlsx_text(x, ws, row, 0, week_name(str(it, "week"), wk,
	    sizeof(wk))) ||
	    xlsx_date(x, ws, row, 1, str(it, "date")) ||
	    xlsx_date(x, ws, row, 2, str(it, "starts_on")) ||
	    xlsx_date(x, ws, row, 3, str(it, "ends_on")) ||
	    xlsx_text(x, ws, row, 4, str(it, "level_title")) ||
	    xlsx_text(x, ws, row, 5, str(it, "class_name")) ||
	    xlsx_text(x, ws, row, 6, kind_name(str(it, "kind"))) ||
	    xlsx_text(x, ws, row, 7, str(lesson, "title")) ||
	    xlsx_text(x, ws, row, 8, programme_name(lesson)) ||
	    xlsx_text(x, ws, row, 9, str(json_object_get(it, "teacher"),
	    "display_name")) ||
	    xlsx_text(x, ws, row, 10, str(it, "status")) ||
	    xlsx_date(x, ws, row, 11, str(it, "given_on")) ||
	    xlsx_text(x, ws, row, 12, json_is_true(json_object_get(it,
	    "safety_prepared")) ? "ja" : "nee") ||
	    xlsx_text(x, ws, row, 13, str(it, "notes")) ||
	    xlsx_text(x, ws, row, 14, w.data);
	strbuf_free(&w);
	return (rc ? -1 : 0);
}

int
plan_export_xlsx(const json_t *plan, struct strbuf *out)
{
	struct xlsx	 x;
	lxw_worksheet	*ws;
	const json_t	*items, *it;
	size_t		 i;

	if (!json_is_object(plan) || xlsx_open(&x) == -1)
		return (-1);
	items = json_object_get(plan, "items");
	ws = xlsx_sheet(&x, "Jaarplan", columns,
	    sizeof(columns) / sizeof(columns[0]), json_array_size(items));
	if (ws == NULL)
		goto fail;
	json_array_foreach(items, i, it) {
		if (item_row(&x, ws, i + 1, it) == -1)
			goto fail;
	}
	return (xlsx_close(&x, out));
fail:
	(void)xlsx_close(&x, NULL);
	return (-1);
}

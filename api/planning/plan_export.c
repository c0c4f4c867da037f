/*
 * plan_export: a plan as iCalendar and as CSV.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/csv.h"
#include "core/utf8.h"
#include "core/ical.h"
#include "planning/plan_export.h"
#include "planning/school_calendar.h"
#include "core/utf8.h"

static const char *
str(const json_t *o, const char *key)
{
	return (json_string_value(json_object_get(o, key)));
}

static const char *
or_empty(const char *s)
{
	return (s != NULL ? s : "");
}

/*
 * "Les 1 · Mensenhandel (niet) op school" (the unit and its programme) or
 * "Terugkommoment (Les 1 · …)", cut to len - 1 bytes on a character
 * boundary.
 */
static void
item_title(const json_t *it, char *buf, size_t len)
{
	const json_t	*l;
	const char	*lesson, *prog;
	struct strbuf	 t;
	size_t		 n;
	int		 rc;

	l = json_object_get(it, "lesson");
	lesson = str(l, "title");
	prog = str(l, "programme_title");
	if (prog != NULL && lesson != NULL && strstr(lesson, prog) != NULL)
		prog = NULL;
	strbuf_init(&t);
	rc = strbuf_appendf(&t, "%s%s%s%s%s",
	    strcmp(or_empty(str(it, "kind")), "terugkommoment") == 0 ?
	    (lesson != NULL ? "Terugkommoment (" : "Terugkommoment") : "",
	    or_empty(lesson), prog != NULL ? " · " : "", or_empty(prog),
	    strcmp(or_empty(str(it, "kind")), "terugkommoment") == 0 &&
	    lesson != NULL ? ")" : "");
	n = rc == -1 ? 0 : utf8_cut(t.data, t.len, len - 1, SIZE_MAX);
	if (n > 0)
		memcpy(buf, t.data, n);
	buf[n] = '\0';
	strbuf_free(&t);
}

/* The warnings of an item, one per line with prefix, into b. */
static int
warning_lines(const json_t *it, const char *prefix, const char *sep,
    struct strbuf *b)
{
	const json_t	*w;
	size_t		 i;

	json_array_foreach(json_object_get(it, "warnings"), i, w) {
		if (strbuf_appendf(b, "%s%s%s", i > 0 ? sep : "", prefix,
		    or_empty(str(w, "message"))) == -1)
			return (-1);
	}
	return (0);
}

static int
description(const json_t *plan, const json_t *it, struct strbuf *d)
{
	const json_t	*lesson, *teacher;
	const char	*when;

	lesson = json_object_get(it, "lesson");
	teacher = json_object_get(it, "teacher");
	when = str(it, "week") != NULL ? str(it, "week") : str(it, "date");
	if (strbuf_appendf(d, "Jaarplan: %s (%s)\n", or_empty(str(plan,
	    "title")), or_empty(str(plan, "school_year"))) == -1 ||
	    strbuf_appendf(d, "Niveau: %s%s%s\n", or_empty(str(it,
	    "level_title")), str(it, "class_name") != NULL ? ", klas " : "",
	    or_empty(str(it, "class_name"))) == -1 ||
	    strbuf_appendf(d, "Wanneer: %s\n", or_empty(when)) == -1)
		return (-1);
	if (json_is_object(lesson) && strbuf_appendf(d, "Les: %s (%s)\n",
	    or_empty(str(lesson, "title")), or_empty(str(lesson, "code"))) ==
	    -1)
		return (-1);
	if (json_is_object(teacher) && strbuf_appendf(d, "Leraar: %s\n",
	    or_empty(str(teacher, "display_name"))) == -1)
		return (-1);
	if (strbuf_appendf(d, "Status: %s\n", or_empty(str(it, "status"))) ==
	    -1)
		return (-1);
	if (str(it, "notes") != NULL && strbuf_appendf(d, "Notities: %s\n",
	    str(it, "notes")) == -1)
		return (-1);
	if (json_array_size(json_object_get(it, "warnings")) > 0 &&
	    (strbuf_appendf(d, "Let op:\n") == -1 ||
	    warning_lines(it, "- ", "\n", d) == -1))
		return (-1);
	return (0);
}

static int
event(const json_t *plan, const json_t *it, time_t now, struct strbuf *out)
{
	struct ical_event	 ev;
	struct civil_date	 a, b;
	struct strbuf		 desc;
	const char		*cats[3];
	char			 uid[96], title[400], summary[600];
	int			 rc;

	if (civil_date_parse(str(it, "starts_on"), &a) == -1 ||
	    civil_date_parse(str(it, "ends_on"), &b) == -1)
		return (-1);
	item_title(it, title, sizeof(title));
	(void)utf8_fmt(summary, sizeof(summary), "%s – %s%s%s", title,
	    or_empty(str(it, "level_title")), str(it, "class_name") != NULL ?
	    " " : "", or_empty(str(it, "class_name")));
	(void)utf8_fmt(uid, sizeof(uid), "%s@leerlijn", or_empty(str(it,
	    "id")));
	cats[0] = "Leerlijn";
	cats[1] = str(it, "level_title");
	cats[2] = NULL;
	strbuf_init(&desc);
	if (description(plan, it, &desc) == -1) {
		strbuf_free(&desc);
		return (-1);
	}
	memset(&ev, 0, sizeof(ev));
	ev.uid = uid;
	ev.dtstamp = now;
	ev.start = a;
	ev.days = (int)(civil_days(b) - civil_days(a) + 1);
	ev.sequence = (long)json_integer_value(json_object_get(it, "version"));
	ev.summary = summary;
	ev.description = desc.data;
	ev.location = str(json_object_get(plan, "school"), "name");
	ev.status = strcmp(or_empty(str(it, "status")), "vervallen") == 0 ?
	    "CANCELLED" : "CONFIRMED";
	ev.categories = cats;
	rc = ical_event(out, &ev);
	strbuf_free(&desc);
	return (rc);
}

int
plan_export_ics(const json_t *plan, const char *teacher, time_t now,
    struct strbuf *out)
{
	const json_t	*it;
	const char	*who;
	char		 name[400];
	size_t		 i;

	(void)utf8_fmt(name, sizeof(name), "%s %s", or_empty(str(plan,
	    "title")), or_empty(str(plan, "school_year")));
	if (ical_begin(out, "-//Leerlijn//Jaarplanning//NL", name) == -1)
		return (-1);
	json_array_foreach(json_object_get(plan, "items"), i, it) {
		who = str(json_object_get(it, "teacher"), "id");
		if (teacher != NULL && (who == NULL ||
		    strcmp(who, teacher) != 0))
			continue;
		if (event(plan, it, now, out) == -1)
			return (-1);
	}
	return (ical_end(out));
}

int
plan_export_csv(const json_t *plan, unsigned csv_flags, struct strbuf *out)
{
	static const char *const	head[] = { "week", "datum", "van", "tot",
					    "niveau", "klas", "soort",
					    "les_code", "les", "leraar",
					    "status", "gegeven_op",
					    "veiligheid_voorbereid",
					    "notities", "waarschuwingen" };
	struct csv			 c;
	struct strbuf			 w;
	const json_t			*it, *lesson;
	const char			*f[15];
	size_t				 i;
	int				 rc;

	if (csv_begin(&c, out, CSV_BOM | CSV_FORMULA_GUARD | csv_flags) == -1 ||
	    csv_record(&c, head, sizeof(head) / sizeof(head[0])) == -1)
		return (-1);
	json_array_foreach(json_object_get(plan, "items"), i, it) {
		lesson = json_object_get(it, "lesson");
		strbuf_init(&w);
		rc = warning_lines(it, "", "; ", &w);
		f[0] = str(it, "week");
		f[1] = str(it, "date");
		f[2] = str(it, "starts_on");
		f[3] = str(it, "ends_on");
		f[4] = str(it, "level_title");
		f[5] = str(it, "class_name");
		f[6] = str(it, "kind");
		f[7] = str(lesson, "code");
		f[8] = str(lesson, "title");
		f[9] = str(json_object_get(it, "teacher"), "display_name");
		f[10] = str(it, "status");
		f[11] = str(it, "given_on");
		f[12] = json_is_true(json_object_get(it, "safety_prepared")) ?
		    "ja" : "nee";
		f[13] = str(it, "notes");
		f[14] = w.data;
		if (rc == 0)
			rc = csv_record(&c, f, sizeof(f) / sizeof(f[0]));
		strbuf_free(&w);
		if (rc != 0)
			return (-1);
	}
	return (0);
}

/*
 * plan_fields: the bodies of planning's writes and their checks.
 */
#include <stdio.h>

#include "core/problem.h"
#include "core/utf8.h"
#include "planning/plan_fields.h"
#include "planning/school_calendar.h"

static const char *const	plan_status[] = { "concept", "vastgesteld",
				    "gearchiveerd", NULL };
static const char *const	item_kinds[] = { "les", "terugkommoment",
				    NULL };
static const char *const	item_status[] = { "gepland", "gegeven",
				    "vervallen", NULL };

static const struct field_spec	plan_fields[] = {
	FIELD("school_year",	FT_STRING, 1, 0, 9, 0, NULL),
	FIELD("title",		FT_STRING, 1, 0, 200, 0, NULL),
	FIELD("status",		FT_ENUM, 0, 0, 0, 0, plan_status),
	FIELD("note",		FT_TEXT, 0, 0, 4000, 0, NULL),
};

/* id and version first: only bulk updates take them. */
static const struct field_spec	bulk_item_fields[] = {
	FIELD("id",		FT_UUID, 1, 0, 0, 0, NULL),
	FIELD("version",	FT_INT, 0, 1, 2147483647, 0, NULL),
	FIELD("kind",		FT_ENUM, 0, 0, 0, 0, item_kinds),
	FIELD("lesson_id",	FT_UUID, 0, 0, 0, 0, NULL),
	FIELD("level",		FT_CODE, 1, 0, 40, 0, NULL),
	FIELD("class_name",	FT_TEXT, 0, 0, 40, 0, NULL),
	FIELD("week",		FT_STRING, 0, 0, 8, 0, NULL),
	FIELD("date",		FT_STRING, 0, 0, 10, 0, NULL),
	FIELD("teacher_id",	FT_UUID, 0, 0, 0, 0, NULL),
	FIELD("status",		FT_ENUM, 0, 0, 0, 0, item_status),
	FIELD("given_on",	FT_TEXT, 0, 0, 10, 0, NULL),
	FIELD("notes",		FT_TEXT, 0, 0, 4000, 0, NULL),
	FIELD("safety_prepared", FT_BOOL, 0, 0, 0, 0, NULL),
};
#define ITEM_FIELDS	(bulk_item_fields + 2)
#define ITEM_NFIELDS	(NFIELDS(bulk_item_fields) - 2)

static const struct field_spec	delete_fields[] = {
	FIELD("id",		FT_UUID, 1, 0, 0, 0, NULL),
	FIELD("version",	FT_INT, 0, 1, 2147483647, 0, NULL),
};

static const struct field_spec	plan_bulk_fields[] = {
	FIELD("create",		FT_OBJECT_ARRAY, 0, 0, 0, PLAN_BULK_MAX, NULL),
	FIELD("update",		FT_OBJECT_ARRAY, 0, 0, 0, PLAN_BULK_MAX, NULL),
	FIELD("delete",		FT_OBJECT_ARRAY, 0, 0, 0, PLAN_BULK_MAX, NULL),
};

static const struct field_spec	plan_copy_fields[] = {
	FIELD("school_year",	FT_STRING, 0, 0, 9, 0, NULL),
	FIELD("title",		FT_STRING, 0, 0, 200, 0, NULL),
};

static const struct field_spec	plan_template_fields[] = {
	FIELD("title",		FT_STRING, 1, 0, 200, 0, NULL),
	FIELD("description",	FT_TEXT, 0, 0, 4000, 0, NULL),
	FIELD("items",		FT_OBJECT_ARRAY, 0, 0, 0, PLAN_BULK_MAX, NULL),
	FIELD("from_plan",	FT_UUID, 0, 0, 0, 0, NULL),
};

static const struct field_spec	template_item_fields[] = {
	FIELD("kind",		FT_ENUM, 0, 0, 0, 0, item_kinds),
	FIELD("lesson_id",	FT_UUID, 0, 0, 0, 0, NULL),
	FIELD("level",		FT_CODE, 1, 0, 40, 0, NULL),
	FIELD("class_name",	FT_TEXT, 0, 0, 40, 0, NULL),
	FIELD("week",		FT_INT, 1, 1, 53, 0, NULL),
	FIELD("notes",		FT_TEXT, 0, 0, 4000, 0, NULL),
};

static const struct field_spec	plan_apply_fields[] = {
	FIELD("school_year",	FT_STRING, 0, 0, 9, 0, NULL),
	FIELD("title",		FT_STRING, 0, 0, 200, 0, NULL),
	FIELD("plan_id",	FT_UUID, 0, 0, 0, 0, NULL),
};

static const struct field_spec	plan_feed_fields[] = {
	FIELD("teacher",	FT_STRING, 0, 0, 36, 0, NULL),
};

const struct field_table	plan_create_body = FIELD_TABLE(plan_fields);
const struct field_table	plan_patch_body = { plan_fields + 1,
				    NFIELDS(plan_fields) - 1 };
const struct field_table	plan_bulk_body = FIELD_TABLE(plan_bulk_fields);
const struct field_table	plan_copy_body = FIELD_TABLE(plan_copy_fields);
const struct field_table	plan_template_body =
				    FIELD_TABLE(plan_template_fields);
const struct field_table	plan_apply_body =
				    FIELD_TABLE(plan_apply_fields);
const struct field_table	plan_feed_body = FIELD_TABLE(plan_feed_fields);

void
field_error_add(struct field_errors *e, const char *prefix,
    const char *field, const char *message)
{
	char	name[96];

	/* Counted even when memory runs out: the request is refused. */
	e->n++;
	if (e->problem == NULL && (e->problem = problem_new(ST_UNPROCESSABLE,
	    "Controleer de gemarkeerde velden.")) == NULL)
		return;
	(void)utf8_fmt(name, sizeof(name), "%s%s", prefix, field);
	(void)problem_add_error(e->problem, name, message);
}

void
plan_check_fields(const json_t *o, const struct field_spec *specs, size_t n,
    int mode, const char *prefix, struct field_errors *e)
{
	struct param_errors	pe;
	size_t			i;

	if (!json_is_object(o)) {
		field_error_add(e, prefix, "", "verwacht een JSON-object");
		return;
	}
	(void)json_fields_check(o, specs, n, mode, &pe);
	for (i = 0; i < pe.n; i++)
		field_error_add(e, prefix, pe.field[i], pe.message[i]);
}

void
plan_check_item_dates(const json_t *o, int create, const char *prefix,
    struct field_errors *e)
{
	struct civil_date	 d;
	const char		*week, *date, *given;
	int			 y, w;

	week = json_string_value(json_object_get(o, "week"));
	date = json_string_value(json_object_get(o, "date"));
	given = json_string_value(json_object_get(o, "given_on"));
	if (week != NULL && iso_week_parse(week, &y, &w) == -1)
		field_error_add(e, prefix, "week", "schrijf een ISO-week, "
		    "zoals 2026-W42");
	if (date != NULL && civil_date_parse(date, &d) == -1)
		field_error_add(e, prefix, "date", "schrijf een datum, zoals "
		    "2026-10-14");
	if (given != NULL && civil_date_parse(given, &d) == -1)
		field_error_add(e, prefix, "given_on", "schrijf een datum, "
		    "zoals 2026-10-14");
	if (week != NULL && date != NULL)
		field_error_add(e, prefix, "date", "kies een week of een "
		    "datum, niet allebei");
	if (create && week == NULL && date == NULL)
		field_error_add(e, prefix, "week", "kies een week (zoals "
		    "2026-W42) of een datum");
}

void
plan_check_item(const json_t *o, int mode, struct field_errors *e)
{
	plan_check_fields(o, ITEM_FIELDS, ITEM_NFIELDS, mode, "", e);
	if (e->n == 0)
		plan_check_item_dates(o, mode == FIELD_CREATE, "", e);
}

/* Check each element of the array part name of b against specs. */
static void
check_part(const json_t *b, const char *name, const struct field_spec *s,
    size_t n, int mode, int item, struct field_errors *e)
{
	const json_t	*el;
	size_t		 i;
	char		 prefix[32];

	json_array_foreach(json_object_get(b, name), i, el) {
		(void)snprintf(prefix, sizeof(prefix), "%s[%zu].", name, i);
		plan_check_fields(el, s, n, mode, prefix, e);
		if (item && json_is_object(el))
			plan_check_item_dates(el, mode == FIELD_CREATE, prefix,
			    e);
	}
}

void
plan_check_bulk(const json_t *body, struct field_errors *e)
{
	const json_t	*el;
	size_t		 i;
	char		 prefix[32];

	check_part(body, "create", ITEM_FIELDS, ITEM_NFIELDS,
	    FIELD_CREATE, 1, e);
	check_part(body, "update", bulk_item_fields, NFIELDS(bulk_item_fields),
	    FIELD_PATCH, 1, e);
	json_array_foreach(json_object_get(body, "update"), i, el) {
		if (json_is_object(el) && json_object_get(el, "id") == NULL) {
			(void)snprintf(prefix, sizeof(prefix), "update[%zu].",
			    i);
			field_error_add(e, prefix, "id", "welk onderdeel (id)?");
		}
	}
	check_part(body, "delete", delete_fields, NFIELDS(delete_fields),
	    FIELD_CREATE, 0, e);
}

void
plan_check_template(const json_t *body, struct field_errors *e)
{
	if ((json_object_get(body, "items") != NULL) ==
	    (json_object_get(body, "from_plan") != NULL))
		field_error_add(e, "", "items", "geef items of from_plan (een "
		    "jaarplan om van uit te gaan)");
	check_part(body, "items", template_item_fields,
	    NFIELDS(template_item_fields), FIELD_CREATE, 0, e);
}

/*
 * json_plans: run the planning checks over a plan document.
 */
#include <stdlib.h>
#include <string.h>

#include "planning/plans_json.h"
#include "planning/plan_checks.h"
#include "planning/school_calendar.h"

/* The checks' input, pointing into the document. */
struct input {
	struct pc_input		 in;
	struct pc_item		*items;
	struct pc_holiday	*holidays;
	const char		**levels;
	const char		**offered;
	const char		**lesson_levels;	/* all items' lists */
};

static void
input_free(struct input *x)
{
	free(x->items);
	free(x->holidays);
	free(x->levels);
	free(x->offered);
	free(x->lesson_levels);
}

static const char *
str(const json_t *o, const char *key)
{
	return (json_string_value(json_object_get(o, key)));
}

/* A date member as civil days; -1 and *ok = 0 when missing or bad. */
static long
day(const json_t *o, const char *key, int *ok)
{
	struct civil_date	d;

	if (civil_date_parse(str(o, key), &d) == -1) {
		*ok = 0;
		return (-1);
	}
	return (civil_days(d));
}

/* A date member as civil days, or PC_UNKNOWN_DAY when absent or bad. */
static long
optional_day(const json_t *o, const char *key)
{
	struct civil_date	d;

	if (civil_date_parse(str(o, key), &d) == -1)
		return (PC_UNKNOWN_DAY);
	return (civil_days(d));
}

/* An array of strings into out[0..]; returns how many. */
static size_t
strings(const json_t *a, const char **out)
{
	size_t		 i, n;
	const char	*s;

	for (i = 0, n = 0; i < json_array_size(a); i++) {
		if ((s = json_string_value(json_array_get(a, i))) != NULL)
			out[n++] = s;
	}
	return (n);
}

static int
input_item(const json_t *it, struct pc_item *p, const char **levels,
    size_t *used)
{
	const json_t	*lesson, *check;
	const char	*kind, *status;
	int		 ok = 1;

	lesson = json_object_get(it, "lesson");
	check = json_object_get(it, "_check");
	kind = str(it, "kind");
	status = str(it, "status");
	p->id = str(it, "id");
	p->kind = kind != NULL && strcmp(kind, "terugkommoment") == 0 ?
	    PC_FOLLOW_UP : PC_LESSON;
	p->status = status == NULL ? PC_PLANNED :
	    strcmp(status, "gegeven") == 0 ? PC_GIVEN :
	    strcmp(status, "vervallen") == 0 ? PC_CANCELLED : PC_PLANNED;
	p->lesson_id = str(lesson, "id");
	p->lesson_title = str(lesson, "title");
	p->programme_id = str(check, "programme_id");
	p->sensitive = json_is_true(json_object_get(lesson, "sensitive_topic"));
	p->safety_prepared = json_is_true(json_object_get(it,
	    "safety_prepared"));
	p->level = str(it, "level");
	p->class_name = str(it, "class_name");
	p->first = day(it, "starts_on", &ok);
	p->last = day(it, "ends_on", &ok);
	p->reviewed = optional_day(lesson, "reviewed_on");
	p->lesson_levels = levels + *used;
	p->n_lesson_levels = strings(json_object_get(check, "lesson_levels"),
	    levels + *used);
	*used += p->n_lesson_levels;
	return (ok && p->id != NULL && p->level != NULL ? 0 : -1);
}

static int
input_build(const json_t *doc, struct input *x)
{
	const json_t	*items, *check, *hol, *h;
	size_t		 i, nl, used;
	int		 ok = 1;

	memset(x, 0, sizeof(*x));
	items = json_object_get(doc, "items");
	check = json_object_get(doc, "_check");
	hol = json_object_get(check, "holidays");
	if (!json_is_array(items))
		return (-1);
	for (i = 0, nl = 0; i < json_array_size(items); i++)
		nl += json_array_size(json_object_get(json_object_get(
		    json_array_get(items, i), "_check"), "lesson_levels"));
	x->items = calloc(json_array_size(items) + 1, sizeof(*x->items));
	x->holidays = calloc(json_array_size(hol) + 1, sizeof(*x->holidays));
	x->levels = calloc(json_array_size(json_object_get(check, "levels")) +
	    1, sizeof(*x->levels));
	x->offered = calloc(json_array_size(json_object_get(check,
	    "offered_levels")) + 1, sizeof(*x->offered));
	x->lesson_levels = calloc(nl + 1, sizeof(*x->lesson_levels));
	if (x->items == NULL || x->holidays == NULL || x->levels == NULL ||
	    x->offered == NULL || x->lesson_levels == NULL)
		return (-1);
	for (i = 0, used = 0; i < json_array_size(items); i++) {
		if (input_item(json_array_get(items, i), &x->items[i],
		    x->lesson_levels, &used) == -1)
			return (-1);
	}
	for (i = 0; i < json_array_size(hol); i++) {
		h = json_array_get(hol, i);
		x->holidays[i].name = str(h, "name");
		x->holidays[i].first = day(h, "starts_on", &ok);
		x->holidays[i].last = day(h, "ends_on", &ok);
		x->holidays[i].optional = json_is_true(json_object_get(h,
		    "optional"));
		x->holidays[i].advisory = str(h, "status") != NULL &&
		    strcmp(str(h, "status"), "advies") == 0;
	}
	if (!ok)
		return (-1);
	x->in.items = x->items;
	x->in.n_items = json_array_size(items);
	x->in.holidays = x->holidays;
	x->in.n_holidays = json_array_size(hol);
	x->in.levels = x->levels;
	x->in.n_levels = strings(json_object_get(check, "levels"), x->levels);
	x->in.offered_known = json_is_array(json_object_get(check,
	    "offered_levels"));
	x->in.offered = x->offered;
	x->in.n_offered = strings(json_object_get(check, "offered_levels"),
	    x->offered);
	x->in.today = optional_day(check, "today");
	return (0);
}

/* The JSON of warning w (a new reference), or NULL. */
static json_t *
warning_json(const struct input *x, const struct pc_warning *w, int with_item)
{
	json_t	*o;
	char	 msg[512];

	o = json_pack("{s:s, s:s}", "code", pc_code_name(w->code), "message",
	    pc_message(&x->in, w, msg, sizeof(msg)));
	if (o == NULL)
		return (NULL);
	if (w->level != NULL)
		json_object_set_new(o, "level", json_string(w->level));
	if (with_item && w->item != PC_NONE)
		json_object_set_new(o, "item_id",
		    json_string(x->items[w->item].id));
	if (w->other != PC_NONE)
		json_object_set_new(o, "other_item_id",
		    json_string(x->items[w->other].id));
	if (w->holiday != PC_NONE)
		json_object_set_new(o, "holiday",
		    json_string(x->holidays[w->holiday].name));
	return (o);
}

static int
attach(json_t *doc, const struct input *x, const struct pc_warning *w,
    size_t n)
{
	json_t	*all, *items, *it, *list;
	size_t	 i;

	items = json_object_get(doc, "items");
	if ((all = json_array()) == NULL ||
	    json_object_set_new(doc, "warnings", all) == -1)
		return (-1);
	json_array_foreach(items, i, it) {
		if ((list = json_array()) == NULL ||
		    json_object_set_new(it, "warnings", list) == -1)
			return (-1);
		json_object_del(it, "_check");
	}
	for (i = 0; i < n; i++) {
		if (json_array_append_new(all, warning_json(x, &w[i], 1)) == -1)
			return (-1);
		if (w[i].item == PC_NONE)
			continue;
		list = json_object_get(json_array_get(items, w[i].item),
		    "warnings");
		if (json_array_append_new(list, warning_json(x, &w[i], 0)) ==
		    -1)
			return (-1);
	}
	json_object_del(doc, "_check");
	return (0);
}

json_t *
json_plan_checked(const char *text)
{
	struct input		 x;
	struct pc_warning	*w;
	json_t			*doc;
	size_t			 n;

	w = NULL;
	memset(&x, 0, sizeof(x));
	if ((doc = json_loads(text, 0, NULL)) == NULL)
		return (NULL);
	if (!json_is_object(doc) || input_build(doc, &x) == -1 ||
	    plan_check(&x.in, &w, &n) == -1 || attach(doc, &x, w, n) == -1) {
		json_decref(doc);
		doc = NULL;
	}
	free(w);
	input_free(&x);
	return (doc);
}

json_t *
json_plan_item(json_t *plan, const char *id)
{
	json_t	*it;
	size_t	 i;

	json_array_foreach(json_object_get(plan, "items"), i, it) {
		if (id != NULL && str(it, "id") != NULL &&
		    strcmp(str(it, "id"), id) == 0)
			return (it);
	}
	return (NULL);
}

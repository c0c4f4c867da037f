/*
 * Unit tests of plan_fields.c: the date rules of plan items and the
 * checks of bulk and template bodies, with the field names of their
 * errors.
 */
#include <stdio.h>
#include "unit.h"

#include "core/problem.h"
#include "planning/plan_fields.h"

/* The field names of e's errors as "a,b,c" into buf. */
static const char *
fields_of(const struct field_errors *e, char *buf, size_t len)
{
	const json_t	*x;
	size_t		 i;

	buf[0] = '\0';
	json_array_foreach(json_object_get(e->problem, "errors"), i, x) {
		if (i > 0)
			(void)strncat(buf, ",", len - strlen(buf) - 1);
		(void)strncat(buf, json_string_value(json_object_get(x,
		    "field")), len - strlen(buf) - 1);
	}
	return (buf);
}

/* Check the JSON text body with check; compare the error fields. */
static void
expect(void (*check)(const json_t *, int, struct field_errors *),
    const char *body, int mode, const char *want)
{
	struct field_errors	 e = { NULL, 0 };
	json_t			*o;
	char			 got[256];

	o = unit_json(body);
	check(o, mode, &e);
	(void)fields_of(&e, got, sizeof(got));
	if (strcmp(got, want) != 0)
		fail_msg("%s: errors [%s], want [%s]", body, got, want);
	assert_int_equal(e.n, e.problem != NULL ?
	    problem_error_count(e.problem) : 0);
	if (e.problem != NULL)
		assert_int_equal(json_integer_value(json_object_get(e.problem,
		    "status")), 422);
	json_decref(e.problem);
	json_decref(o);
}

static void
check_bulk(const json_t *o, int mode, struct field_errors *e)
{
	(void)mode;
	plan_check_bulk(o, e);
}

static void
check_template(const json_t *o, int mode, struct field_errors *e)
{
	(void)mode;
	plan_check_template(o, e);
}

/* An item: a week or a date, not both, and dates that are dates. */
static void
test_item_dates(void **state)
{
	(void)state;
	expect(plan_check_item, "{\"level\":\"groep-1\",\"week\":\"2026-W42\"}",
	    FIELD_CREATE, "");
	expect(plan_check_item, "{\"level\":\"groep-1\",\"date\":"
	    "\"2026-10-14\"}", FIELD_CREATE, "");
	/* Neither: a new item needs one of them; a change does not. */
	expect(plan_check_item, "{\"level\":\"groep-1\"}", FIELD_CREATE,
	    "week");
	expect(plan_check_item, "{\"notes\":\"x\"}", FIELD_PATCH, "");
	/* Both. */
	expect(plan_check_item, "{\"level\":\"groep-1\",\"week\":\"2026-W42\","
	    "\"date\":\"2026-10-14\"}", FIELD_CREATE, "date");
	/* Not a week, not a date, a week 54, the 31st of February. */
	expect(plan_check_item, "{\"level\":\"groep-1\",\"week\":\"2026-42\"}",
	    FIELD_CREATE, "week");
	expect(plan_check_item, "{\"week\":\"2026-W54\"}", FIELD_PATCH, "week");
	expect(plan_check_item, "{\"date\":\"2027-02-31\"}", FIELD_PATCH,
	    "date");
	expect(plan_check_item, "{\"given_on\":\"gisteren\"}", FIELD_PATCH,
	    "given_on");
	expect(plan_check_item, "{\"given_on\":\"2026-10-14\",\"status\":"
	    "\"gegeven\"}", FIELD_PATCH, "");
	/* Field errors first: the date rules wait for well-formed fields. */
	expect(plan_check_item, "{\"level\":\"groep-1\",\"week\":42}",
	    FIELD_CREATE, "week");
	expect(plan_check_item, "{\"level\":\"groep-1\",\"week\":\"2026-W42\","
	    "\"colour\":\"rood\"}", FIELD_CREATE, "colour");
}

/* A bulk body: each part's elements named by their place. */
static void
test_bulk(void **state)
{
	(void)state;
	expect(check_bulk, "{}", 0, "");
	expect(check_bulk, "{\"create\":[{\"level\":\"groep-1\",\"week\":"
	    "\"2026-W42\"},{\"level\":\"groep-1\"}]}", 0, "create[1].week");
	expect(check_bulk, "{\"update\":[{\"id\":\"7b0c3f56-8a9d-4f5e-9a61-"
	    "0d1e2f3a4b5c\",\"notes\":\"x\"},{\"notes\":\"y\"}]}", 0,
	    "update[1].id");
	expect(check_bulk, "{\"update\":[{\"id\":\"7b0c3f56-8a9d-4f5e-9a61-"
	    "0d1e2f3a4b5c\",\"week\":\"2026-W42\",\"date\":\"2026-10-14\"}]}",
	    0, "update[0].date");
	expect(check_bulk, "{\"delete\":[{\"version\":3}, 7]}", 0,
	    "delete[0].id,delete[1].");
}

/* A template: items or from_plan, and items with a week number. */
static void
test_template(void **state)
{
	(void)state;
	expect(check_template, "{\"title\":\"t\",\"items\":[{\"level\":"
	    "\"groep-1\",\"week\":42}]}", 0, "");
	expect(check_template, "{\"title\":\"t\",\"from_plan\":"
	    "\"7b0c3f56-8a9d-4f5e-9a61-0d1e2f3a4b5c\"}", 0, "");
	expect(check_template, "{\"title\":\"t\"}", 0, "items");
	expect(check_template, "{\"title\":\"t\",\"items\":[],\"from_plan\":"
	    "\"7b0c3f56-8a9d-4f5e-9a61-0d1e2f3a4b5c\"}", 0, "items");
	expect(check_template, "{\"title\":\"t\",\"items\":[{\"level\":"
	    "\"groep-1\",\"week\":54}]}", 0, "items[0].week");
}

UNIT_MAIN("plan_fields",
    cmocka_unit_test(test_item_dates),
    cmocka_unit_test(test_bulk),
    cmocka_unit_test(test_template))

/* Unit tests of json_plans.c: the checks run over a plan document. */
#include <stdlib.h>
#include "unit.h"

#include "planning/plans_json.h"

/* Two lessons: Les 1 (sensitive, vo 2-3) planned for groep 7 in the
 * herfstvakantie, and a follow-up moment without a lesson. */
static const char	doc[] =
    "{\"id\":\"p1\",\"title\":\"Jaarplan\",\"version\":4,"
    "\"items\":["
    " {\"id\":\"i1\",\"kind\":\"les\",\"status\":\"gepland\","
    "  \"lesson\":{\"id\":\"L1\",\"title\":\"Les 1\",\"sensitive_topic\":true},"
    "  \"level\":\"groep-7\",\"level_title\":\"groep 7\","
    "  \"class_name\":null,\"safety_prepared\":false,"
    "  \"starts_on\":\"2026-10-12\",\"ends_on\":\"2026-10-16\",\"version\":1,"
    "  \"_check\":{\"programme_id\":\"P\","
    "   \"lesson_levels\":[\"havo-2\",\"vwo-2\"]}},"
    " {\"id\":\"i2\",\"kind\":\"terugkommoment\",\"status\":\"gepland\","
    "  \"lesson\":null,\"level\":\"groep-8\",\"class_name\":\"8B\","
    "  \"safety_prepared\":false,"
    "  \"starts_on\":\"2026-11-02\",\"ends_on\":\"2026-11-06\",\"version\":2,"
    "  \"_check\":{\"programme_id\":null,\"lesson_levels\":[]}}],"
    "\"_check\":{\"levels\":[\"groep-7\",\"groep-8\"],"
    " \"level_titles\":[\"groep 7\",\"groep 8\"],"
    " \"holidays\":[{\"name\":\"herfstvakantie\",\"starts_on\":\"2026-10-10\","
    "  \"ends_on\":\"2026-10-18\",\"status\":\"advies\",\"optional\":false}]}}";

static const char *
code_at(json_t *list, size_t i)
{
	return (json_string_value(json_object_get(json_array_get(list, i),
	    "code")));
}

static void
test_checked(void **state)
{
	json_t	*d, *i1, *i2, *all;

	(void)state;
	d = json_plan_checked(doc);
	assert_non_null(d);
	assert_null(json_object_get(d, "_check"));
	i1 = json_plan_item(d, "i1");
	i2 = json_plan_item(d, "i2");
	assert_non_null(i1);
	assert_non_null(i2);
	assert_null(json_plan_item(d, "i3"));
	assert_null(json_object_get(i1, "_check"));
	/* groep-8 has only a follow-up moment: no lesson this year. */
	all = json_object_get(d, "warnings");
	assert_int_equal(json_array_size(all), 5);
	assert_string_equal(code_at(all, 4), "level_without_lesson");
	/* Levels by name in the sentence, by code in "level". */
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    all, 4), "message")), "groep 8 krijgt dit schooljaar geen "
	    "preventieles.");
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    all, 4), "level")), "groep-8");
	assert_string_equal(json_string_value(json_object_get(
	    json_array_get(all, 4), "level")), "groep-8");
	assert_null(json_object_get(json_array_get(all, 4), "item_id"));
	assert_string_equal(json_string_value(json_object_get(
	    json_array_get(all, 0), "item_id")), "i1");
	/* The item's own warnings, without item_id. */
	assert_int_equal(json_array_size(json_object_get(i1, "warnings")), 4);
	assert_string_equal(code_at(json_object_get(i1, "warnings"), 0),
	    "level_mismatch");
	assert_string_equal(code_at(json_object_get(i1, "warnings"), 1),
	    "no_follow_up");
	assert_string_equal(code_at(json_object_get(i1, "warnings"), 2),
	    "safety_not_prepared");
	assert_string_equal(code_at(json_object_get(i1, "warnings"), 3),
	    "holiday");
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    json_object_get(i1, "warnings"), 3), "holiday")), "herfstvakantie");
	assert_non_null(strstr(json_string_value(json_object_get(
	    json_array_get(json_object_get(i1, "warnings"), 3), "message")),
	    "adviesdatum"));
	assert_string_equal(json_string_value(json_object_get(json_array_get(
	    json_object_get(i1, "warnings"), 0), "message")),
	    "Les 1 is niet bedoeld voor groep 7.");
	assert_null(json_object_get(json_array_get(json_object_get(i1,
	    "warnings"), 0), "item_id"));
	assert_int_equal(json_array_size(json_object_get(i2, "warnings")), 0);
	json_decref(d);
}

static void
test_not_a_plan(void **state)
{
	(void)state;
	assert_null(json_plan_checked("not json"));
	assert_null(json_plan_checked("[1,2]"));
	assert_null(json_plan_checked("{\"id\":\"x\"}"));
	/* An item without dates is not a plan document either. */
	assert_null(json_plan_checked("{\"items\":[{\"id\":\"a\","
	    "\"level\":\"groep-1\"}]}"));
}

UNIT_MAIN("json_plans",
    cmocka_unit_test(test_checked),
    cmocka_unit_test(test_not_a_plan))

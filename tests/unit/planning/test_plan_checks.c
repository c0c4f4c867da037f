/* Unit tests of plan_checks.c: every planning check, table-driven. */
#include <stdio.h>
#include <stdlib.h>
#include "unit.h"

#include "planning/plan_checks.h"
#include "planning/school_calendar.h"

/* Monday of ISO week w of 2026 (or 2027 for w < 30) as civil days. */
static long
wk(int w)
{
	return (civil_days(iso_week_monday(w < 30 ? 2027 : 2026, w)));
}

static const char *const	vo23[] = { "havo-2", "havo-3", "vwo-2",
				    "vwo-3" };
static const char *const	school[] = { "havo-1", "havo-2", "havo-3" };
static const char *const	school_titles[] = { "havo 1", "havo 2", "havo 3" };

/*
 * A lesson item in ISO week WEEK (of 2026, or of 2027 below week 30):
 * LESSON of programme PROG for level LVL (class CLS, NULL for the whole
 * level) in status ST; SENS: a sensitive lesson, PREP: its safety
 * preparations done.
 */
#define ITEM(id, lesson, prog, sens, prep, lvl, cls, st, week)		\
	{ LESSON_ITEM(id, lesson, prog, sens, prep, lvl, cls, st), week }
#define LESSON_ITEM(id, lesson, prog, sens, prep, lvl, cls, st)	\
	{ id, PC_LESSON, st, lesson, "Les 1", prog, sens, prep, lvl,	\
	    cls, 0, 0, vo23, 4, PC_UNKNOWN_DAY, NULL }
/* Most items: a planned lesson that is not sensitive, for the whole level. */
#define LESSON(id, lesson, prog, lvl, week)				\
	{ PLANNED(id, lesson, prog, lvl), week }
#define PLANNED(id, lesson, prog, lvl)					\
	LESSON_ITEM(id, lesson, prog, 0, 0, lvl, NULL, PC_PLANNED)
/* A planned sensitive lesson. */
#define SENSITIVE(id, lesson, prog, prep, lvl, cls, week)		\
	ITEM(id, lesson, prog, 1, prep, lvl, cls, PC_PLANNED, week)
/* A follow-up (a return to the lesson) in status ST. */
#define FOLLOW_ST(id, lvl, cls, st, week)				\
	{ { id, PC_FOLLOW_UP, st, NULL, NULL, NULL, 0, 0, lvl, cls,	\
	    0, 0, NULL, 0, PC_UNKNOWN_DAY, NULL }, week }
#define FOLLOW(id, lvl, cls, week)					\
	FOLLOW_ST(id, lvl, cls, PC_PLANNED, week)

/* An item of a case and the ISO week it is planned in. */
struct witem {
	struct pc_item		 item;
	int			 week;
};

struct wcase {
	const char		*name;
	struct witem		 items[4];	/* up to the first without id */
	/* The warnings expected, as "code@item" ("code@-" plan-wide). */
	const char		*want;
};

static const struct wcase	cases[] = {
	{ "a clean plan",
	    { LESSON("a", "L1", "P", "havo-2", 40),
	      LESSON("b", "L2", "P", "havo-3", 41),
	      ITEM("c", "L3", "Q", 0, 0, "havo-2", NULL, PC_GIVEN, 45) },
	    "level_without_lesson@-" },
	{ "lesson not meant for the level; level not taught",
	    { LESSON("a", "L1", "P", "havo-1", 40),
	      LESSON("b", "L2", "P", "vwo-5", 41) },
	    "level_mismatch@0 level_mismatch@1 level_not_at_school@1 "
	    "level_without_lesson@- level_without_lesson@-" },
	{ "the same lesson twice for the same level",
	    { LESSON("a", "L1", "P", "havo-2", 40),
	      LESSON("b", "L1", "P", "havo-2", 45),
	      LESSON("c", "L1", "P", "havo-3", 40),
	      LESSON("d", "L2", "P", "havo-1", 40) },
	    "duplicate_lesson@0 duplicate_lesson@1 level_mismatch@3" },
	{ "classes: 2A and 2B differ, the whole level overlaps both",
	    { ITEM("a", "L1", "P", 0, 0, "havo-2", "2A", PC_PLANNED, 40),
	      ITEM("b", "L1", "P", 0, 0, "havo-2", "2B", PC_PLANNED, 40),
	      ITEM("c", "L1", "P", 0, 0, "havo-2", "", PC_PLANNED, 44),
	      LESSON("d", "L9", "P", "havo-3", 40) },
	    "duplicate_lesson@0 duplicate_lesson@1 duplicate_lesson@2 "
	    "level_without_lesson@-" },
	{ "a cancelled duplicate does not count",
	    { LESSON("a", "L1", "P", "havo-2", 40),
	      ITEM("b", "L1", "P", 0, 0, "havo-2", NULL, PC_CANCELLED, 45),
	      ITEM("c", "L2", "P", 0, 0, "havo-3", NULL, PC_CANCELLED, 40) },
	    "level_without_lesson@- level_without_lesson@-" },
	{ "sensitive lesson: no follow-up, not prepared",
	    { SENSITIVE("a", "L1", "P", 0, "havo-2", NULL, 40),
	      LESSON("b", "L2", "Q", "havo-2", 46),
	      LESSON("c", "L3", "P", "havo-3", 48),
	      LESSON("d", "L4", "R", "havo-1", 40) },
	    "no_follow_up@0 safety_not_prepared@0 level_mismatch@3" },
	{ "follow-up in the same week is too soon; a later one counts",
	    { SENSITIVE("a", "L1", "P", 1, "havo-2", NULL, 40),
	      FOLLOW("b", "havo-2", NULL, 40),
	      SENSITIVE("c", "L1", "P", 1, "havo-3", NULL, 40),
	      FOLLOW("d", "havo-3", NULL, 3) },
	    "no_follow_up@0 level_without_lesson@-" },
	{ "a later lesson of the same programme is a follow-up, "
	  "but not for another class",
	    { SENSITIVE("a", "L1", "P", 1, "havo-2", "2A", 40),
	      SENSITIVE("b", "L2", "P", 1, "havo-2", "2A", 44),
	      SENSITIVE("c", "L1", "P", 1, "havo-3", "3A", 40),
	      SENSITIVE("d", "L2", "P", 1, "havo-3", "3B", 44) },
	    "no_follow_up@1 no_follow_up@2 no_follow_up@3 "
	    "level_without_lesson@-" },
	{ "a cancelled follow-up does not count; an earlier one neither",
	    { SENSITIVE("a", "L1", "P", 1, "havo-2", NULL, 40),
	      FOLLOW_ST("b", "havo-2", NULL, PC_CANCELLED, 44),
	      FOLLOW("c", "havo-2", NULL, 38) },
	    "no_follow_up@0 level_without_lesson@- level_without_lesson@-" },
	{ "holidays: herfst (regular) and the extra May week (optional)",
	    { LESSON("a", "L1", "P", "havo-1", 42),
	      LESSON("b", "L2", "Q", "havo-2", 16),
	      LESSON("c", "L3", "R", "havo-3", 43),
	      FOLLOW("d", "havo-2", NULL, 17) },
	    "level_mismatch@0 holiday@0 possible_holiday@1 holiday@3" },
};

/* Holidays: herfst noord 2026-W42 (Sat 10 – Sun 18 Oct), an optional extra
 * week 2027-W16 and mei 2027-W17 (regular wins over the optional one). */
static const struct pc_holiday	holidays[] = {
	{ "herfstvakantie", 0, 0, 0, 0 },
	{ "meivakantie (extra week)", 0, 0, 1, 0 },
	{ "meivakantie", 0, 0, 0, 0 },
};

static void
fill_holidays(struct pc_holiday *h)
{
	memcpy(h, holidays, sizeof(holidays));
	h[0].first = civil_days((struct civil_date){ 2026, 10, 10 });
	h[0].last = civil_days((struct civil_date){ 2026, 10, 18 });
	h[1].first = wk(16) - 2;
	h[1].last = wk(17) + 6;		/* the extra week overlaps mei too */
	h[2].first = wk(17) - 2;
	h[2].last = wk(17) + 6;
}

static void
test_cases(void **state)
{
	struct pc_item		 items[4];
	struct pc_holiday	 h[3];
	struct pc_input		 in;
	struct pc_warning	*w;
	size_t			 c, i, n, nitems;
	char			 got[512], one[64];

	(void)state;
	fill_holidays(h);
	for (c = 0; c < UNIT_COUNT(cases); c++) {
		for (nitems = 0; nitems < UNIT_COUNT(items) &&
		    cases[c].items[nitems].item.id != NULL; nitems++) {
			items[nitems] = cases[c].items[nitems].item;
			items[nitems].first = wk(cases[c].items[nitems].week);
			items[nitems].last = items[nitems].first + 4;
		}
		in = (struct pc_input){ items, nitems, school, 3, h, 3,
		    NULL, 0, 0, PC_UNKNOWN_DAY, NULL };
		assert_int_equal(plan_check(&in, &w, &n), 0);
		got[0] = '\0';
		for (i = 0; i < n; i++) {
			if (w[i].item == PC_NONE)
				(void)snprintf(one, sizeof(one), "%s%s@-",
				    i ? " " : "", pc_code_name(w[i].code));
			else
				(void)snprintf(one, sizeof(one), "%s%s@%zu",
				    i ? " " : "", pc_code_name(w[i].code),
				    w[i].item);
			strncat(got, one, sizeof(got) - strlen(got) - 1);
		}
		if (strcmp(got, cases[c].want) != 0)
			fail_msg("%s:\n  got  %s\n  want %s", cases[c].name,
			    got, cases[c].want);
		free(w);
	}
}

static void
test_dates_and_unknown_levels(void **state)
{
	/* A date item on Friday 9 Oct is before the herfstvakantie; on
	 * Monday 12 Oct it is in it.  A lesson without known levels is
	 * never a mismatch. */
	struct pc_item		items[2] = {
		{ "a", PC_LESSON, PC_PLANNED, "L1", "Les 1", NULL, 0, 0,
		    "havo-1", NULL, 0, 0, NULL, 0, PC_UNKNOWN_DAY, NULL },
		{ "b", PC_LESSON, PC_PLANNED, "L2", "Les 2", NULL, 0, 0,
		    "havo-2", NULL, 0, 0, NULL, 0, PC_UNKNOWN_DAY, NULL },
	};
	struct pc_holiday	h[3];
	struct pc_input		in = { items, 2, NULL, 0, h, 1, NULL, 0, 0,
				    PC_UNKNOWN_DAY, NULL };
	struct pc_warning	*w;
	size_t			n;

	(void)state;
	fill_holidays(h);
	items[0].first = items[0].last =
	    civil_days((struct civil_date){ 2026, 10, 9 });
	items[1].first = items[1].last =
	    civil_days((struct civil_date){ 2026, 10, 12 });
	assert_int_equal(plan_check(&in, &w, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(w[0].code, PC_HOLIDAY);
	assert_int_equal(w[0].item, 1);
	assert_int_equal(w[0].holiday, 0);
	free(w);

	/* No items, no levels: nothing to say. */
	in.n_items = 0;
	assert_int_equal(plan_check(&in, &w, &n), 0);
	assert_int_equal(n, 0);
	assert_null(w);
}

static void
test_messages(void **state)
{
	struct pc_item		items[2] = {
		{ "a", PC_LESSON, PC_PLANNED, "L1", "Les 1", "P", 1, 0,
		    "havo-2", NULL, 0, 0, vo23, 4, PC_UNKNOWN_DAY, NULL },
		{ "b", PC_LESSON, PC_PLANNED, "L1", "Les 1", "P", 1, 0,
		    "havo-2", NULL, 0, 0, vo23, 4, PC_UNKNOWN_DAY, NULL },
	};
	struct pc_holiday	h[3];
	struct pc_input		in = { items, 2, school, 3, h, 3, NULL, 0,
				    0, PC_UNKNOWN_DAY, NULL };
	struct pc_warning	w = { PC_DUPLICATE_LESSON, 0, 1, PC_NONE,
				    "havo-2" };
	char			buf[256];
	int			c;

	(void)state;
	fill_holidays(h);
	items[0].first = wk(40);
	items[1].first = wk(53);
	assert_string_equal(pc_message(&in, &w, buf, sizeof(buf)),
	    "Les 1 staat voor havo-2 ook gepland in week 53 van 2026.");
	/* Levels by the name schools write, where the input has one. */
	items[0].level_title = "havo 2";
	assert_string_equal(pc_message(&in, &w, buf, sizeof(buf)),
	    "Les 1 staat voor havo 2 ook gepland in week 53 van 2026.");
	w = (struct pc_warning){ PC_HOLIDAY, 0, PC_NONE, 0, "havo-2" };
	assert_string_equal(pc_message(&in, &w, buf, sizeof(buf)),
	    "Dit valt in de herfstvakantie van de regio van de school.");
	h[0].advisory = 1;
	assert_string_equal(pc_message(&in, &w, buf, sizeof(buf)),
	    "Dit valt in de herfstvakantie van de regio van de school (een "
	    "adviesdatum: controleer de vakantie van de eigen school).");
	w = (struct pc_warning){ PC_LEVEL_WITHOUT_LESSON, PC_NONE, PC_NONE,
	    PC_NONE, "havo-1" };
	assert_string_equal(pc_message(&in, &w, buf, sizeof(buf)),
	    "havo-1 krijgt dit schooljaar geen preventieles.");
	in.level_titles = school_titles;
	assert_string_equal(pc_message(&in, &w, buf, sizeof(buf)),
	    "havo 1 krijgt dit schooljaar geen preventieles.");
	/* Every code has a name and a sentence; a tiny buffer is safe. */
	for (c = 0; c < PC__COUNT; c++) {
		w.code = (enum pc_code)c;
		assert_string_not_equal(pc_code_name(w.code), "unknown");
		assert_true(strlen(pc_message(&in, &w, buf, sizeof(buf))) > 10);
		assert_true(strlen(pc_message(&in, &w, buf, 8)) == 7);
	}
	assert_string_equal(pc_code_name(PC__COUNT), "unknown");
}

static void
test_offered_and_review(void **state)
{
	/* havo-1 has no unit in the catalogue: no level_without_lesson for
	 * it; havo-3 has one and gets none planned: a warning.  A unit last
	 * reviewed on 2024-09-01 is stale on 2026-10-01 (over 24 months),
	 * one reviewed on 2024-10-01 is not. */
	static const char *const	offered[] = { "havo-2", "havo-3" };
	struct pc_item		items[2] = {
		PLANNED("a", "L1", "P", "havo-2"),
		PLANNED("b", "L2", "Q", "havo-2"),
	};
	struct pc_holiday	h[3];
	struct pc_input		in = { items, 2, school, 3, h, 0, offered, 2,
				    1, 0, NULL };
	struct pc_warning	*w;
	char			buf[256];
	size_t			n;

	(void)state;
	fill_holidays(h);
	items[0].first = items[1].first = wk(40);
	items[0].last = items[1].last = wk(40) + 4;
	in.today = civil_days((struct civil_date){ 2026, 10, 1 });
	items[0].reviewed = civil_days((struct civil_date){ 2024, 9, 1 });
	items[1].reviewed = civil_days((struct civil_date){ 2024, 10, 1 });
	assert_int_equal(plan_check(&in, &w, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(w[0].code, PC_NOT_REVIEWED);
	assert_int_equal(w[0].item, 0);
	assert_string_equal(pc_code_name(w[0].code), "unit_not_reviewed");
	assert_string_equal(pc_message(&in, &w[0], buf, sizeof(buf)),
	    "Les 1 is al meer dan 24 maanden niet nagekeken: kijk of het nog "
	    "past bij de apps en trends van nu.");
	assert_int_equal(w[1].code, PC_LEVEL_WITHOUT_LESSON);
	assert_string_equal(w[1].level, "havo-3");
	free(w);

	/* Without knowing what is offered, every level counts. */
	in.offered_known = 0;
	in.today = PC_UNKNOWN_DAY;
	assert_int_equal(plan_check(&in, &w, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(w[0].level, "havo-1");
	assert_string_equal(w[1].level, "havo-3");
	free(w);
}

static void
test_week_index(void **state)
{
	(void)state;
	assert_int_equal(pc_week_index(-3), 0);		/* Mon 1969-12-29 */
	assert_int_equal(pc_week_index(3), 0);		/* Sun 1970-01-04 */
	assert_int_equal(pc_week_index(4), 1);		/* Mon 1970-01-05 */
	assert_int_equal(pc_week_index(-4), -1);
	assert_int_equal(pc_week_index(wk(53)) + 1, pc_week_index(wk(1)));
}

UNIT_MAIN("plan_checks",
    cmocka_unit_test(test_cases),
    cmocka_unit_test(test_dates_and_unknown_levels),
    cmocka_unit_test(test_messages),
    cmocka_unit_test(test_offered_and_review),
    cmocka_unit_test(test_week_index))

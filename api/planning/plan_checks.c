/*
 * plan_checks: the planning checks of a school-year plan.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "planning/plan_checks.h"
#include "planning/school_calendar.h"
#include "core/utf8.h"

static const char *const	code_names[PC__COUNT] = {
	[PC_LEVEL_MISMATCH] = "level_mismatch",
	[PC_LEVEL_NOT_AT_SCHOOL] = "level_not_at_school",
	[PC_DUPLICATE_LESSON] = "duplicate_lesson",
	[PC_NO_FOLLOW_UP] = "no_follow_up",
	[PC_SAFETY_NOT_PREPARED] = "safety_not_prepared",
	[PC_HOLIDAY] = "holiday",
	[PC_POSSIBLE_HOLIDAY] = "possible_holiday",
	[PC_LEVEL_WITHOUT_LESSON] = "level_without_lesson",
	[PC_NOT_REVIEWED] = "unit_not_reviewed",
};

const char *
pc_code_name(enum pc_code code)
{
	if ((unsigned)code >= PC__COUNT)
		return ("unknown");
	return (code_names[code]);
}

long
pc_week_index(long day)
{
	/* Day 0 (1970-01-01) was a Thursday; day -3 a Monday. */
	day += 3;
	return (day >= 0 ? day / 7 : -((-day + 6) / 7));
}

/* A growable array of warnings. */
struct list {
	struct pc_warning	*w;
	size_t			 n, cap;
	int			 failed;
};

static void
add(struct list *l, enum pc_code code, size_t item, size_t other,
    size_t holiday, const char *level)
{
	struct pc_warning	*p;
	size_t			 cap;

	if (l->failed)
		return;
	if (l->n == l->cap) {
		cap = l->cap ? l->cap * 2 : 16;
		if ((p = reallocarray(l->w, cap, sizeof(*p))) == NULL) {
			l->failed = 1;
			return;
		}
		l->w = p;
		l->cap = cap;
	}
	l->w[l->n].code = code;
	l->w[l->n].item = item;
	l->w[l->n].other = other;
	l->w[l->n].holiday = holiday;
	l->w[l->n].level = level;
	l->n++;
}

static int
streq(const char *a, const char *b)
{
	return (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static int
whole_level(const char *class_name)
{
	return (class_name == NULL || class_name[0] == '\0');
}

/* Same level, and the same class or one of them the whole level. */
static int
same_group(const struct pc_item *a, const struct pc_item *b)
{
	if (!streq(a->level, b->level))
		return (0);
	return (whole_level(a->class_name) || whole_level(b->class_name) ||
	    strcmp(a->class_name, b->class_name) == 0);
}

static int
in_list(const char *s, const char *const *list, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (streq(s, list[i]))
			return (1);
	}
	return (0);
}

static int
active(const struct pc_item *it)
{
	return (it->status != PC_CANCELLED);
}

static int
has_follow_up(const struct pc_input *in, size_t i)
{
	const struct pc_item	*a = &in->items[i], *b;
	size_t			 j;

	for (j = 0; j < in->n_items; j++) {
		b = &in->items[j];
		if (j == i || !active(b) || !same_group(a, b) ||
		    pc_week_index(b->first) <= pc_week_index(a->first))
			continue;
		if (b->kind == PC_FOLLOW_UP)
			return (1);
		if (b->kind == PC_LESSON && streq(a->programme_id,
		    b->programme_id))
			return (1);
	}
	return (0);
}

/* The holiday the item falls in: a regular one first, else optional. */
static size_t
holiday_of(const struct pc_input *in, const struct pc_item *it)
{
	const struct pc_holiday	*h;
	size_t			 i, optional;

	optional = PC_NONE;
	for (i = 0; i < in->n_holidays; i++) {
		h = &in->holidays[i];
		if (h->first > it->last || h->last < it->first)
			continue;
		if (!h->optional)
			return (i);
		if (optional == PC_NONE)
			optional = i;
	}
	return (optional);
}

/* Was the item's unit last reviewed more than 24 months before today? */
static int
stale(const struct pc_input *in, const struct pc_item *it)
{
	struct civil_date	d;

	if (in->today == PC_UNKNOWN_DAY || it->reviewed == PC_UNKNOWN_DAY)
		return (0);
	d = civil_date_add((struct civil_date){ 1970, 1, 1 }, it->reviewed);
	d.year += 2;
	if (d.month == 2 && d.day == 29)
		d.day = 28;
	return (civil_days(d) < in->today);
}

static void
check_item(const struct pc_input *in, size_t i, struct list *l)
{
	const struct pc_item	*it = &in->items[i];
	size_t			 j, h;

	if (it->kind == PC_LESSON && it->lesson_id != NULL &&
	    it->n_lesson_levels > 0 &&
	    !in_list(it->level, it->lesson_levels, it->n_lesson_levels))
		add(l, PC_LEVEL_MISMATCH, i, PC_NONE, PC_NONE, it->level);
	if (in->n_levels > 0 && !in_list(it->level, in->levels, in->n_levels))
		add(l, PC_LEVEL_NOT_AT_SCHOOL, i, PC_NONE, PC_NONE, it->level);
	if (it->kind == PC_LESSON && it->lesson_id != NULL) {
		/* One warning per item, naming the first other one. */
		for (j = 0; j < in->n_items; j++) {
			if (j != i && active(&in->items[j]) &&
			    in->items[j].kind == PC_LESSON &&
			    streq(it->lesson_id, in->items[j].lesson_id) &&
			    same_group(it, &in->items[j])) {
				add(l, PC_DUPLICATE_LESSON, i, j, PC_NONE,
				    it->level);
				break;
			}
		}
	}
	if (it->kind == PC_LESSON && it->sensitive) {
		if (!has_follow_up(in, i))
			add(l, PC_NO_FOLLOW_UP, i, PC_NONE, PC_NONE,
			    it->level);
		if (!it->safety_prepared)
			add(l, PC_SAFETY_NOT_PREPARED, i, PC_NONE, PC_NONE,
			    it->level);
	}
	if ((h = holiday_of(in, it)) != PC_NONE)
		add(l, in->holidays[h].optional ? PC_POSSIBLE_HOLIDAY :
		    PC_HOLIDAY, i, PC_NONE, h, it->level);
	if (it->lesson_id != NULL && stale(in, it))
		add(l, PC_NOT_REVIEWED, i, PC_NONE, PC_NONE, it->level);
}

int
plan_check(const struct pc_input *in, struct pc_warning **out, size_t *n)
{
	struct list	l = { NULL, 0, 0, 0 };
	size_t		i, j;
	int		found;

	*out = NULL;
	*n = 0;
	for (i = 0; i < in->n_items; i++) {
		if (active(&in->items[i]))
			check_item(in, i, &l);
	}
	for (i = 0; i < in->n_levels; i++) {
		for (j = 0, found = 0; !found && j < in->n_items; j++)
			found = active(&in->items[j]) &&
			    in->items[j].kind == PC_LESSON &&
			    streq(in->items[j].level, in->levels[i]);
		if (!found && (!in->offered_known || in_list(in->levels[i],
		    in->offered, in->n_offered)))
			add(&l, PC_LEVEL_WITHOUT_LESSON, PC_NONE, PC_NONE,
			    PC_NONE, in->levels[i]);
	}
	if (l.failed) {
		free(l.w);
		return (-1);
	}
	*out = l.w;
	*n = l.n;
	return (0);
}

/* "2026-W42" for a civil day. */
static void
week_text(long day, char *buf, size_t len)
{
	struct civil_date	d;
	int			y, w;

	d = civil_date_add((struct civil_date){ 1970, 1, 1 }, day);
	iso_week_of(d, &y, &w);
	(void)snprintf(buf, len, "%04d-W%02d", y, w);
}

char *
pc_message(const struct pc_input *in, const struct pc_warning *w,
    char *buf, size_t len)
{
	const struct pc_item	*it, *other;
	const char		*title, *level, *hname;
	char			 week[16];

	it = w->item != PC_NONE && w->item < in->n_items ?
	    &in->items[w->item] : NULL;
	other = w->other != PC_NONE && w->other < in->n_items ?
	    &in->items[w->other] : NULL;
	title = it != NULL && it->lesson_title != NULL ? it->lesson_title :
	    "deze les";
	level = w->level != NULL ? w->level : "?";
	hname = w->holiday != PC_NONE && w->holiday < in->n_holidays ?
	    in->holidays[w->holiday].name : "een vakantie";
	week[0] = '\0';
	if (other != NULL)
		week_text(other->first, week, sizeof(week));

	switch (w->code) {
	case PC_LEVEL_MISMATCH:
		(void)utf8_fmt(buf, len, "%s is niet bedoeld voor %s.", title,
		    level);
		break;
	case PC_LEVEL_NOT_AT_SCHOOL:
		(void)utf8_fmt(buf, len, "De school heeft geen %s.", level);
		break;
	case PC_DUPLICATE_LESSON:
		(void)utf8_fmt(buf, len, "%s staat voor %s ook gepland in %s.",
		    title, level, week);
		break;
	case PC_NO_FOLLOW_UP:
		(void)utf8_fmt(buf, len, "%s gaat over een gevoelig onderwerp: "
		    "plan enige tijd later een terugkommoment voor %s.", title,
		    level);
		break;
	case PC_SAFETY_NOT_PREPARED:
		(void)utf8_fmt(buf, len, "De voorbereiding 'veiligheid in de "
		    "klas' voor %s is nog niet bevestigd.", title);
		break;
	case PC_HOLIDAY:
		(void)utf8_fmt(buf, len, "Dit valt in de %s van de regio van "
		    "de school%s.", hname, w->holiday != PC_NONE &&
		    w->holiday < in->n_holidays &&
		    in->holidays[w->holiday].advisory ? " (een adviesdatum: "
		    "controleer de vakantie van de eigen school)" : "");
		break;
	case PC_POSSIBLE_HOLIDAY:
		(void)utf8_fmt(buf, len, "Dit valt in een mogelijke extra "
		    "vakantieweek (%s); veel scholen zijn dan dicht.", hname);
		break;
	case PC_LEVEL_WITHOUT_LESSON:
		(void)utf8_fmt(buf, len, "%s krijgt dit schooljaar geen "
		    "preventieles.", level);
		break;
	case PC_NOT_REVIEWED:
		(void)snprintf(buf, len, "%s is al meer dan 24 maanden niet "
		    "nagekeken: kijk of het nog past bij de apps en trends "
		    "van nu.", title);
		break;
	default:
		(void)utf8_fmt(buf, len, "Controleer dit onderdeel.");
		break;
	}
	return (buf);
}

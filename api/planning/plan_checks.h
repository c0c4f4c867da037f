/*
 * plan_checks: the planning checks of a school-year plan, in plain C.
 *
 * They never block a plan: each finding is a warning returned with the
 * plan and with the item it concerns.  Input is plain structs (filled by
 * the database layer); days are civil days (school_calendar.h).
 *
 *   level_mismatch        the lesson is not meant for the item's level
 *   level_not_at_school   the school does not teach the item's level
 *   duplicate_lesson      the same lesson twice for the same level (and
 *                         class: items without a class mean the whole level);
 *                         once per item, naming the first other one
 *   no_follow_up          a sensitive-topic lesson without a follow-up
 *                         moment in a later week of the year for the same
 *                         level and class; a follow-up is an item of kind
 *                         follow-up or a later lesson of the same programme
 *   safety_not_prepared   a sensitive-topic lesson whose teacher has not
 *                         acknowledged the safety-in-class preparation
 *   holiday               the item falls (partly) in a school holiday of
 *                         the school's region
 *   possible_holiday      it falls in an optional (advised extra) holiday
 *   level_without_lesson  a level of the school gets no lesson this year,
 *                         while the catalogue (or the school's own
 *                         activities) has a unit for it (when the caller
 *                         says which levels have one: offered_known)
 *   unit_not_reviewed     the unit was last reviewed more than 24 months
 *                         before today (apps and trends change)
 *
 * Cancelled items ("vervallen") take part in no check.
 */
#ifndef LEERLIJN_PLAN_CHECKS_H
#define LEERLIJN_PLAN_CHECKS_H

#include <stddef.h>

enum pc_kind {
	PC_LESSON = 0,		/* a lesson */
	PC_FOLLOW_UP		/* a follow-up moment ("terugkommoment") */
};

enum pc_status {
	PC_PLANNED = 0,		/* gepland */
	PC_GIVEN,		/* gegeven */
	PC_CANCELLED		/* vervallen */
};

struct pc_item {
	const char		*id;
	enum pc_kind		 kind;
	enum pc_status		 status;
	const char		*lesson_id;	/* NULL: none (follow-up) */
	const char		*lesson_title;	/* for messages; may be NULL */
	const char		*programme_id;	/* of the lesson; may be NULL */
	int			 sensitive;	/* sensitive-topic lesson */
	int			 safety_prepared; /* acknowledged by teacher */
	const char		*level;		/* level code */
	const char		*class_name;	/* NULL or "": the whole level */
	long			 first, last;	/* civil days, inclusive */
	/* The single-year levels the lesson is meant for; n 0: unknown. */
	const char *const	*lesson_levels;
	size_t			 n_lesson_levels;
	long			 reviewed;	/* civil day; PC_UNKNOWN_DAY */
};

#define PC_UNKNOWN_DAY	(-2147483647L)

struct pc_holiday {
	const char	*name;
	long		 first, last;	/* civil days, inclusive */
	int		 optional;	/* an advised extra, not for everyone */
	int		 advisory;	/* dates advised ("advies"), not fixed */
};

struct pc_input {
	const struct pc_item	*items;
	size_t			 n_items;
	const char *const	*levels;	/* the school's levels; may be 0 */
	size_t			 n_levels;
	const struct pc_holiday	*holidays;	/* of the school's region */
	size_t			 n_holidays;
	/* The school's levels for which there is a unit to plan. */
	const char *const	*offered;
	size_t			 n_offered;
	int			 offered_known;	/* 0: every level */
	long			 today;		/* civil day; PC_UNKNOWN_DAY */
};

enum pc_code {
	PC_LEVEL_MISMATCH = 0,
	PC_LEVEL_NOT_AT_SCHOOL,
	PC_DUPLICATE_LESSON,
	PC_NO_FOLLOW_UP,
	PC_SAFETY_NOT_PREPARED,
	PC_HOLIDAY,
	PC_POSSIBLE_HOLIDAY,
	PC_LEVEL_WITHOUT_LESSON,
	PC_NOT_REVIEWED,
	PC__COUNT
};

#define PC_NONE	((size_t)-1)

struct pc_warning {
	enum pc_code	 code;
	size_t		 item;		/* index into items, or PC_NONE */
	size_t		 other;		/* the other item, or PC_NONE */
	size_t		 holiday;	/* index into holidays, or PC_NONE */
	const char	*level;		/* level of a plan-wide warning */
};

/*
 * Run every check.  On success returns 0 with *out an array of *n
 * warnings, in item order then plan-wide ones (the caller frees *out with
 * free(); it is NULL when *n is 0).  Returns -1 when memory runs out.
 */
int		 plan_check(const struct pc_input *in, struct pc_warning **out,
		    size_t *n);
/* The stable code of a warning ("no_follow_up"); never NULL. */
const char	*pc_code_name(enum pc_code code);
/*
 * A Dutch sentence for w, written into buf (always NUL terminated).
 * Returns buf.
 */
char		*pc_message(const struct pc_input *in,
		    const struct pc_warning *w, char *buf, size_t len);
/* The ISO week index of a civil day (weeks since the Monday 1969-12-29). */
long		 pc_week_index(long day);

#endif

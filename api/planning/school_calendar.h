/*
 * school_calendar: school years and ISO-8601 weeks, in plain C.
 *
 * A school year "2026-2027" runs from 1 August 2026 to 31 July 2027.  A
 * week is written "2026-W42" (ISO 8601); it belongs to the school year in
 * which its Monday falls.
 */
#ifndef LEERLIJN_SCHOOL_CALENDAR_H
#define LEERLIJN_SCHOOL_CALENDAR_H

struct civil_date {
	int	year;
	int	month;	/* 1..12 */
	int	day;	/* 1..31 */
};

/* "2026-2027" → 2026 (the first calendar year); -1 when malformed. */
int	school_year_parse(const char *s);
/* Number of ISO weeks (52 or 53) in ISO year y. */
int	iso_weeks_in_year(int y);
/* "2026-W42" → year and week; 0 on success, -1 when malformed/out of range. */
int	iso_week_parse(const char *s, int *year, int *week);
/* The Monday of ISO week (year, week). */
struct civil_date iso_week_monday(int year, int week);
/* The ISO year and week of a date. */
void	iso_week_of(struct civil_date d, int *year, int *week);
/* "YYYY-MM-DD" → date; 0 or -1 (also for impossible dates). */
int	civil_date_parse(const char *s, struct civil_date *d);
/* Days since 1970-01-01 (proleptic Gregorian). */
long	civil_days(struct civil_date d);
/* The date n days after d (n may be negative). */
struct civil_date civil_date_add(struct civil_date d, long n);
/* The school year (first calendar year) a date falls in. */
int	school_year_of(struct civil_date d);

#endif

/*
 * school_calendar: school years and ISO-8601 weeks, in plain C.
 */
#include <stdio.h>
#include <string.h>

#include "planning/school_calendar.h"

/* Howard Hinnant's days_from_civil. */
long
civil_days(struct civil_date d)
{
	long	y, era, yoe, doy, doe;
	int	m;

	y = d.year - (d.month <= 2);
	m = d.month;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (era * 146097 + doe - 719468);
}

static struct civil_date
civil_from_days(long z)
{
	struct civil_date	d;
	long			era, doe, yoe, y, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.year = (int)(y + (d.month <= 2));
	return (d);
}

/* 1 = Monday … 7 = Sunday. */
static int
iso_weekday(long days)
{
	/* 1970-01-01 was a Thursday. */
	long	w;

	w = (days + 3) % 7;
	if (w < 0)
		w += 7;
	return ((int)w + 1);
}

static long
iso_week1_monday(int y)
{
	struct civil_date	jan4 = { y, 1, 4 };
	long			d;

	d = civil_days(jan4);
	return (d - (iso_weekday(d) - 1));
}

int
iso_weeks_in_year(int y)
{
	return ((int)((iso_week1_monday(y + 1) - iso_week1_monday(y)) / 7));
}

struct civil_date
iso_week_monday(int year, int week)
{
	return (civil_from_days(iso_week1_monday(year) + (long)(week - 1) * 7));
}

void
iso_week_of(struct civil_date d, int *year, int *week)
{
	long	days, thursday;

	days = civil_days(d);
	thursday = days + (4 - iso_weekday(days));
	*year = civil_from_days(thursday).year;
	*week = (int)((thursday - iso_week1_monday(*year)) / 7) + 1;
}

static int
digits(const char *s, int n)
{
	int	i, v;

	for (i = 0, v = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return (-1);
		v = v * 10 + (s[i] - '0');
	}
	return (v);
}

int
school_year_parse(const char *s)
{
	int	a, b;

	if (s == NULL || strlen(s) != 9 || s[4] != '-')
		return (-1);
	if ((a = digits(s, 4)) < 1900 || (b = digits(s + 5, 4)) != a + 1)
		return (-1);
	return (a);
}

int
iso_week_parse(const char *s, int *year, int *week)
{
	int	y, w;

	if (s == NULL || strlen(s) != 8 || s[4] != '-' || s[5] != 'W')
		return (-1);
	if ((y = digits(s, 4)) < 1900 || (w = digits(s + 6, 2)) < 1 ||
	    w > iso_weeks_in_year(y))
		return (-1);
	*year = y;
	*week = w;
	return (0);
}

int
civil_date_parse(const char *s, struct civil_date *d)
{
	struct civil_date	back;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return (-1);
	d->year = digits(s, 4);
	d->month = digits(s + 5, 2);
	d->day = digits(s + 8, 2);
	if (d->year < 1900 || d->month < 1 || d->month > 12 || d->day < 1 ||
	    d->day > 31)
		return (-1);
	back = civil_from_days(civil_days(*d));
	if (back.year != d->year || back.month != d->month ||
	    back.day != d->day)
		return (-1);
	return (0);
}

struct civil_date
civil_date_add(struct civil_date d, long n)
{
	return (civil_from_days(civil_days(d) + n));
}

int
school_year_of(struct civil_date d)
{
	return (d.month >= 8 ? d.year : d.year - 1);
}

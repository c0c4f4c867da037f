/*
 * db_calendar: the school calendar (school years, holidays per region).
 */
#ifndef LEERLIJN_DB_CALENDAR_H
#define LEERLIJN_DB_CALENDAR_H

#include "db/db.h"

/*
 * The weeks and holidays of school year (e.g. "2026-2027") in region; *json
 * is NULL when the school year is not in the calendar.  The caller frees
 * *json.
 */
enum db_result	db_calendar_get(const char *year, const char *region,
		    char **json);

#endif

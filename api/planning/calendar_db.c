/*
 * db_calendar: the school calendar (school years, holidays per region).
 */
#include "planning/calendar_db.h"

static struct db_stmt st_calendar_get = DB_STMT("calendar_get",
    "SELECT json_build_object('school_year', y.code, 'region', $2::text,"
    " 'starts_on', y.starts_on, 'ends_on', y.ends_on,"
    " 'weeks', (SELECT json_agg(json_build_object("
    "   'week', w.iso_year || '-W' || lpad(w.iso_week::text, 2, '0'),"
    "   'monday', w.monday,"
    "   'holiday', CASE WHEN w.holiday IS NULL THEN NULL ELSE"
    "     json_build_object('name', w.holiday, 'status', w.holiday_status,"
    "     'optional', w.optional) END) ORDER BY w.monday)"
    "   FROM school_year_weeks(y.code, $2) w),"
    " 'holidays', coalesce((SELECT json_agg(json_build_object("
    "   'name', h.name, 'region', h.region, 'starts_on', h.starts_on,"
    "   'ends_on', h.ends_on, 'status', h.status, 'optional', h.optional,"
    "   'confidence', h.confidence, 'source_url', h.source_url,"
    "   'note', h.note) ORDER BY h.starts_on, h.name)"
    "   FROM school_holiday h WHERE h.school_year = y.code"
    "   AND (h.region IS NULL OR h.region = $2)), '[]'::json))"
    " FROM school_year y WHERE y.code = $1",
    2, 1);

enum db_result
db_calendar_get(const char *year, const char *region, char **json)
{
	const char	*params[2] = { year, region };

	return (db_text(&st_calendar_get, params, json));
}

/*
 * plan_export: a checked plan document (json_plans.h) as iCalendar (RFC
 * 5545) and as CSV (RFC 4180, UTF-8 with BOM).  Plain C with jansson.
 */
#ifndef LEERLIJN_PLAN_EXPORT_H
#define LEERLIJN_PLAN_EXPORT_H

#include <time.h>

#include <jansson.h>

#include "core/strbuf.h"

/*
 * Every item as an all-day event (a week: Monday to Friday; a date: that
 * day); teacher not NULL: only that teacher's items.  A cancelled item
 * stays in as STATUS:CANCELLED so that calendars remove it.  now is the
 * DTSTAMP.  Appends to out; 0, or -1 when memory runs out.
 */
int	plan_export_ics(const json_t *plan, const char *teacher, time_t now,
	    struct strbuf *out);
/*
 * One record per item after a header record; levels by name ("havo 2").
 * csv_flags adds to CSV_BOM | CSV_FORMULA_GUARD (e.g. CSV_SEMICOLON).
 * 0 or -1.
 */
int	plan_export_csv(const json_t *plan, unsigned csv_flags,
	    struct strbuf *out);

#endif

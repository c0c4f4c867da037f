/*
 * ical: an iCalendar (RFC 5545) writer for all-day events, in plain C.
 *
 * Content lines end in CRLF and are folded so that no line is longer than
 * 75 octets (a fold is CRLF followed by one space, RFC 5545 3.1), never
 * inside a UTF-8 sequence.  TEXT values are escaped (3.3.11): backslash,
 * semicolon and comma get a backslash, line breaks become "\n", other
 * control characters become a space.  All-day events are floating dates
 * (VALUE=DATE), so no VTIMEZONE is needed.
 */
#ifndef LEERLIJN_ICAL_H
#define LEERLIJN_ICAL_H

#include <stddef.h>
#include <time.h>

#include "planning/school_calendar.h"
#include "core/strbuf.h"

#define ICAL_LINE_MAX	75	/* octets per line, without CRLF */

struct ical_event {
	const char		*uid;		/* required, globally unique */
	time_t			 dtstamp;	/* when the data was made (UTC) */
	struct civil_date	 start;		/* first day */
	int			 days;		/* number of days, >= 1 */
	long			 sequence;	/* revision; < 0 leaves it out */
	const char		*summary;	/* required */
	const char		*description;	/* NULL: none */
	const char		*location;	/* NULL: none */
	const char		*status;	/* "CONFIRMED", "CANCELLED"; NULL */
	const char *const	*categories;	/* NULL or NULL-terminated */
};

/*
 * Each appends to b and returns 0, or -1 when memory runs out or the
 * arguments are invalid (b may then hold a partial line).
 */
/* BEGIN:VCALENDAR with VERSION, PRODID and, when name is not NULL, the
 * calendar's display name (X-WR-CALNAME). */
int	ical_begin(struct strbuf *b, const char *prodid, const char *name);
int	ical_event(struct strbuf *b, const struct ical_event *ev);
int	ical_end(struct strbuf *b);

/* One content line "name:value", value written as is, folded, CRLF. */
int	ical_line(struct strbuf *b, const char *name, const char *value);
/* One content line whose value is TEXT: escaped, folded, CRLF. */
int	ical_text_line(struct strbuf *b, const char *name, const char *text);
/* Append text escaped as an iCalendar TEXT value (not folded). */
int	ical_escape(struct strbuf *b, const char *text);

#endif

/*
 * ical: an iCalendar (RFC 5545) writer for all-day events.
 */
#include <stdio.h>
#include <string.h>

#include "core/ical.h"

int
ical_escape(struct strbuf *b, const char *s)
{
	const char	*run;
	const char	*rep;
	size_t		 skip;

	for (run = s; *s != '\0'; s += skip) {
		skip = 1;
		switch (*s) {
		case '\\':
			rep = "\\\\";
			break;
		case ';':
			rep = "\\;";
			break;
		case ',':
			rep = "\\,";
			break;
		case '\r':
			if (s[1] == '\n')
				skip = 2;
			/* FALLTHROUGH */
		case '\n':
			rep = "\\n";
			break;
		default:
			/* Controls other than HTAB are not allowed in TEXT. */
			if (((unsigned char)*s < 0x20 && *s != '\t') ||
			    *s == 0x7f)
				rep = " ";
			else
				continue;
		}
		if (strbuf_append(b, run, (size_t)(s - run)) == -1 ||
		    strbuf_append(b, rep, strlen(rep)) == -1)
			return (-1);
		run = s + skip;
	}
	return (strbuf_append(b, run, (size_t)(s - run)));
}

/* Length of the UTF-8 sequence that starts with byte c (1 for others). */
static size_t
seq_len(unsigned char c)
{
	if (c >= 0xf0 && c <= 0xf4)
		return (4);
	if (c >= 0xe0)
		return (c <= 0xef ? 3 : 1);
	if (c >= 0xc2)
		return (2);
	return (1);
}

/* Append the len octets at s as one folded content line with CRLF. */
static int
fold(struct strbuf *b, const char *s, size_t len)
{
	size_t	i, n, col;

	for (i = 0, col = 0; i < len; i += n) {
		n = seq_len((unsigned char)s[i]);
		if (n > len - i)
			n = len - i;
		if (col + n > ICAL_LINE_MAX) {
			if (strbuf_append(b, "\r\n ", 3) == -1)
				return (-1);
			col = 1;
		}
		if (strbuf_append(b, s + i, n) == -1)
			return (-1);
		col += n;
	}
	return (strbuf_append(b, "\r\n", 2));
}

/* Build "name:" + value (escaped when text) and fold it into b. */
static int
line(struct strbuf *b, const char *name, const char *value, int text)
{
	struct strbuf	l;
	int		rc;

	if (name == NULL || value == NULL)
		return (-1);
	strbuf_init(&l);
	rc = strbuf_append(&l, name, strlen(name));
	if (rc == 0)
		rc = strbuf_append(&l, ":", 1);
	if (rc == 0)
		rc = text ? ical_escape(&l, value) :
		    strbuf_append(&l, value, strlen(value));
	if (rc == 0)
		rc = fold(b, l.data, l.len);
	strbuf_free(&l);
	return (rc);
}

int
ical_line(struct strbuf *b, const char *name, const char *value)
{
	return (line(b, name, value, 0));
}

int
ical_text_line(struct strbuf *b, const char *name, const char *text)
{
	return (line(b, name, text, 1));
}

int
ical_begin(struct strbuf *b, const char *prodid, const char *name)
{
	if (ical_line(b, "BEGIN", "VCALENDAR") == -1 ||
	    ical_line(b, "VERSION", "2.0") == -1 ||
	    ical_text_line(b, "PRODID", prodid) == -1 ||
	    ical_line(b, "CALSCALE", "GREGORIAN") == -1 ||
	    ical_line(b, "METHOD", "PUBLISH") == -1)
		return (-1);
	if (name != NULL && ical_text_line(b, "X-WR-CALNAME", name) == -1)
		return (-1);
	return (0);
}

int
ical_end(struct strbuf *b)
{
	return (ical_line(b, "END", "VCALENDAR"));
}

static void
date_text(struct civil_date d, char *buf, size_t len)
{
	(void)snprintf(buf, len, "%04d%02d%02d", d.year, d.month, d.day);
}

/* CATEGORIES: a comma-separated list of escaped TEXT values. */
static int
categories(struct strbuf *b, const char *const *c)
{
	struct strbuf	l;
	size_t		i;
	int		rc;

	strbuf_init(&l);
	rc = 0;
	for (i = 0; rc == 0 && c[i] != NULL; i++) {
		if (i > 0)
			rc = strbuf_append(&l, ",", 1);
		if (rc == 0)
			rc = ical_escape(&l, c[i]);
	}
	if (rc == 0 && i > 0)
		rc = ical_line(b, "CATEGORIES", l.data);
	strbuf_free(&l);
	return (rc);
}

int
ical_event(struct strbuf *b, const struct ical_event *ev)
{
	struct tm	tm;
	char		stamp[32], start[16], end[16], seq[24];

	if (ev->uid == NULL || ev->summary == NULL || ev->days < 1 ||
	    gmtime_r(&ev->dtstamp, &tm) == NULL)
		return (-1);
	(void)strftime(stamp, sizeof(stamp), "%Y%m%dT%H%M%SZ", &tm);
	date_text(ev->start, start, sizeof(start));
	/* DTEND of an all-day event is the day after the last (exclusive). */
	date_text(civil_date_add(ev->start, ev->days), end, sizeof(end));

	if (ical_line(b, "BEGIN", "VEVENT") == -1 ||
	    ical_text_line(b, "UID", ev->uid) == -1 ||
	    ical_line(b, "DTSTAMP", stamp) == -1 ||
	    ical_line(b, "DTSTART;VALUE=DATE", start) == -1 ||
	    ical_line(b, "DTEND;VALUE=DATE", end) == -1 ||
	    ical_text_line(b, "SUMMARY", ev->summary) == -1)
		return (-1);
	if (ev->sequence >= 0) {
		(void)snprintf(seq, sizeof(seq), "%ld", ev->sequence);
		if (ical_line(b, "SEQUENCE", seq) == -1)
			return (-1);
	}
	if (ev->description != NULL &&
	    ical_text_line(b, "DESCRIPTION", ev->description) == -1)
		return (-1);
	if (ev->location != NULL &&
	    ical_text_line(b, "LOCATION", ev->location) == -1)
		return (-1);
	if (ev->status != NULL && ical_line(b, "STATUS", ev->status) == -1)
		return (-1);
	if (ev->categories != NULL && categories(b, ev->categories) == -1)
		return (-1);
	/* An all-day lesson week does not block the calendar. */
	if (ical_line(b, "TRANSP", "TRANSPARENT") == -1)
		return (-1);
	return (ical_line(b, "END", "VEVENT"));
}

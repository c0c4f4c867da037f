/* Unit tests of ical.c: escaping, folding, all-day events. */
#include <stdio.h>
#include <stdlib.h>
#include "unit.h"

#include "core/ical.h"

static void
test_escape(void **state)
{
	static const struct {
		const char	*in, *want;
	} cases[] = {
		{ "Les 1", "Les 1" },
		{ "a,b;c\\d", "a\\,b\\;c\\\\d" },
		{ "regel 1\nregel 2", "regel 1\\nregel 2" },
		{ "crlf\r\nnext", "crlf\\nnext" },
		{ "cr\ronly", "cr\\nonly" },
		{ "tab\there", "tab\there" },
		{ "bel\a del\x7f", "bel  del " },
		{ "Oriëntatie op jezelf", "Oriëntatie op jezelf" },
		{ "", "" },
	};
	struct strbuf	b;
	size_t		i;

	(void)state;
	for (i = 0; i < UNIT_COUNT(cases); i++) {
		strbuf_init(&b);
		assert_int_equal(ical_escape(&b, cases[i].in), 0);
		assert_string_equal(b.data == NULL ? "" : b.data,
		    cases[i].want);
		strbuf_free(&b);
	}
}

/* Every physical line: at most 75 octets, CRLF, no split UTF-8. */
static void
check_lines(const char *s, size_t len)
{
	size_t	i, start;

	for (start = 0, i = 0; i < len; i++) {
		if (s[i] == '\n') {
			assert_true(i > 0 && s[i - 1] == '\r');
			assert_true(i - 1 - start <= ICAL_LINE_MAX);
			/* A line never starts with a UTF-8 continuation. */
			if (i + 1 < len)
				assert_false(((unsigned char)s[i + 1] & 0xc0) ==
				    0x80);
			if (i + 1 < len && s[i + 1] == ' ')
				assert_false(((unsigned char)s[i + 2] & 0xc0) ==
				    0x80);
			start = i + 1;
		} else if (s[i] == '\r') {
			assert_true(i + 1 < len && s[i + 1] == '\n');
		}
	}
	assert_int_equal(start, len);	/* ends in CRLF */
}

/* Undo the folding: remove every CRLF followed by one space. */
static char *
unfold(const char *s)
{
	char	*out, *o;

	if ((out = malloc(strlen(s) + 1)) == NULL)
		return (NULL);
	for (o = out; *s != '\0'; s++) {
		if (s[0] == '\r' && s[1] == '\n' && s[2] == ' ') {
			s += 2;
			continue;
		}
		*o++ = *s;
	}
	*o = '\0';
	return (out);
}

/* prefix followed by n copies of unit, into buf. */
static const char *
repeat(char *buf, size_t len, const char *prefix, const char *unit, int n)
{
	int	i;

	(void)snprintf(buf, len, "%s", prefix);
	for (i = 0; i < n; i++)
		strncat(buf, unit, len - strlen(buf) - 1);
	return (buf);
}

static void
test_fold(void **state)
{
	char		 v[6][512];
	const char	*values[6];
	struct strbuf	 b, want;
	size_t		 i, physical;
	char		*flat;
	const char	*p;

	values[0] = "kort";
	/* exactly 75 octets with "SUMMARY:" (8 + 67); 76: one fold */
	values[1] = repeat(v[1], sizeof(v[1]), "", "a", 67);
	values[2] = repeat(v[2], sizeof(v[2]), "", "a", 68);
	/* two-octet letters at every position */
	values[3] = repeat(v[3], sizeof(v[3]), "", "\xc3\xab", 76);
	/* three- and four-octet sequences, shifted by one and two */
	values[4] = repeat(v[4], sizeof(v[4]), "x", "\xe2\x82\xac", 60);
	values[5] = repeat(v[5], sizeof(v[5]), "xy", "\xf0\x9f\x98\x80", 40);
	(void)state;
	for (i = 0; i < UNIT_COUNT(values); i++) {
		strbuf_init(&b);
		assert_int_equal(ical_text_line(&b, "SUMMARY", values[i]), 0);
		check_lines(b.data, b.len);
		flat = unfold(b.data);
		assert_non_null(flat);
		strbuf_init(&want);
		assert_int_equal(strbuf_appendf(&want, "SUMMARY:%s\r\n",
		    values[i]), 0);
		assert_string_equal(flat, want.data);
		for (physical = 0, p = b.data; (p = strstr(p, "\r\n")); p += 2)
			physical++;
		if (i == 1)
			assert_int_equal(physical, 1);
		if (i == 2)
			assert_int_equal(physical, 2);
		free(flat);
		strbuf_free(&want);
		strbuf_free(&b);
	}
}

static void
test_calendar(void **state)
{
	static const char *const	cats[] = { "Preventie", "vo, 2", NULL };
	struct ical_event	ev = {
		.uid = "0b0c5a8e-1111-4222-8333-444455556666@leerlijn",
		.dtstamp = 1796113800,	/* 2026-12-01T08:30:00Z */
		.start = { 2026, 12, 28 },
		.days = 5,
		.sequence = 3,
		.summary = "Les 1; havo-2, 2B",
		.description = "Voorbereiding:\nveiligheid in de klas",
		.categories = cats,
		.status = "CONFIRMED",
	};
	struct strbuf		b;

	(void)state;
	strbuf_init(&b);
	assert_int_equal(ical_begin(&b, "-//Leerlijn//Jaarplanning//NL",
	    "Jaarplan 2026-2027"), 0);
	assert_int_equal(ical_event(&b, &ev), 0);
	assert_int_equal(ical_end(&b), 0);
	check_lines(b.data, b.len);
	assert_string_equal(b.data,
	    "BEGIN:VCALENDAR\r\n"
	    "VERSION:2.0\r\n"
	    "PRODID:-//Leerlijn//Jaarplanning//NL\r\n"
	    "CALSCALE:GREGORIAN\r\n"
	    "METHOD:PUBLISH\r\n"
	    "X-WR-CALNAME:Jaarplan 2026-2027\r\n"
	    "BEGIN:VEVENT\r\n"
	    "UID:0b0c5a8e-1111-4222-8333-444455556666@leerlijn\r\n"
	    "DTSTAMP:20261201T083000Z\r\n"
	    "DTSTART;VALUE=DATE:20261228\r\n"
	    "DTEND;VALUE=DATE:20270102\r\n"
	    "SUMMARY:Les 1\\; havo-2\\, 2B\r\n"
	    "SEQUENCE:3\r\n"
	    "DESCRIPTION:Voorbereiding:\\nveiligheid in de klas\r\n"
	    "STATUS:CONFIRMED\r\n"
	    "CATEGORIES:Preventie,vo\\, 2\r\n"
	    "TRANSP:TRANSPARENT\r\n"
	    "END:VEVENT\r\n"
	    "END:VCALENDAR\r\n");
	strbuf_free(&b);
}

static void
test_invalid(void **state)
{
	struct ical_event	ev = { 0 };
	struct strbuf		b;

	(void)state;
	strbuf_init(&b);
	ev.summary = "x";
	ev.days = 1;
	assert_int_equal(ical_event(&b, &ev), -1);	/* no UID */
	ev.uid = "u";
	ev.days = 0;
	assert_int_equal(ical_event(&b, &ev), -1);	/* no day */
	ev.days = 1;
	ev.start = (struct civil_date){ 2027, 2, 28 };
	ev.sequence = -1;
	strbuf_free(&b);
	strbuf_init(&b);
	assert_int_equal(ical_event(&b, &ev), 0);
	assert_non_null(strstr(b.data, "DTEND;VALUE=DATE:20270301\r\n"));
	assert_null(strstr(b.data, "SEQUENCE"));
	strbuf_free(&b);
}

UNIT_MAIN("ical",
    cmocka_unit_test(test_escape),
    cmocka_unit_test(test_fold),
    cmocka_unit_test(test_calendar),
    cmocka_unit_test(test_invalid))

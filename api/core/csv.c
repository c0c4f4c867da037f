/*
 * csv: an RFC 4180 CSV writer.
 */
#include <stdio.h>
#include <string.h>

#include "core/csv.h"

int
csv_begin(struct csv *c, struct strbuf *out, unsigned flags)
{
	c->out = out;
	c->flags = flags;
	c->fields = 0;
	if (flags & CSV_BOM)
		return (strbuf_append(out, "\xef\xbb\xbf", 3));
	return (0);
}

static int
needs_quotes(const struct csv *c, const char *s, size_t len)
{
	if (len > 0 && (s[0] == ' ' || s[0] == '\t' || s[len - 1] == ' ' ||
	    s[len - 1] == '\t'))
		return (1);
	return (strpbrk(s, (c->flags & CSV_SEMICOLON) ? ";\"\r\n" :
	    ",\"\r\n") != NULL);
}

static int
formula_like(const char *s)
{
	return (s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL);
}

int
csv_field(struct csv *c, const char *s)
{
	const char	*q;
	size_t		 len;
	int		 guard;

	if (c->fields++ > 0 && strbuf_append(c->out,
	    (c->flags & CSV_SEMICOLON) ? ";" : ",", 1) == -1)
		return (-1);
	if (s == NULL)
		return (0);
	len = strlen(s);
	guard = (c->flags & CSV_FORMULA_GUARD) && formula_like(s);
	if (!needs_quotes(c, s, len)) {
		if (guard && strbuf_append(c->out, "'", 1) == -1)
			return (-1);
		return (strbuf_append(c->out, s, len));
	}
	if (strbuf_append(c->out, guard ? "\"'" : "\"", guard ? 2 : 1) == -1)
		return (-1);
	while ((q = strchr(s, '"')) != NULL) {
		/* Write up to and including the quote, then double it. */
		if (strbuf_append(c->out, s, (size_t)(q - s) + 1) == -1 ||
		    strbuf_append(c->out, "\"", 1) == -1)
			return (-1);
		s = q + 1;
	}
	if (strbuf_append(c->out, s, strlen(s)) == -1)
		return (-1);
	return (strbuf_append(c->out, "\"", 1));
}

int
csv_field_long(struct csv *c, long v)
{
	char	buf[24];

	(void)snprintf(buf, sizeof(buf), "%ld", v);
	return (csv_field(c, buf));
}

int
csv_end_record(struct csv *c)
{
	c->fields = 0;
	return (strbuf_append(c->out, "\r\n", 2));
}

int
csv_record(struct csv *c, const char *const *fields, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (csv_field(c, fields[i]) == -1)
			return (-1);
	}
	return (csv_end_record(c));
}

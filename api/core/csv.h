/*
 * csv: an RFC 4180 CSV writer, in plain C.
 *
 * Records end in CRLF; a field is quoted when it holds a comma, a double
 * quote, CR or LF (or leading/trailing white space), and quotes inside are
 * doubled.  The text is UTF-8; CSV_BOM starts the file with a byte order
 * mark so that spreadsheet programs read it as UTF-8.  CSV_FORMULA_GUARD
 * prefixes a field that a spreadsheet would run as a formula (= + - @ or
 * a leading tab/CR) with an apostrophe (OWASP "CSV injection").
 * CSV_SEMICOLON separates fields with ';' for a Dutch Excel.
 */
#ifndef LEERLIJN_CSV_H
#define LEERLIJN_CSV_H

#include <stddef.h>

#include "core/strbuf.h"

#define CSV_BOM			0x01
#define CSV_FORMULA_GUARD	0x02
/* Dutch Excel: fields separated by ';' (the list separator there). */
#define CSV_SEMICOLON		0x04

struct csv {
	struct strbuf	*out;
	unsigned	 flags;
	size_t		 fields;	/* in the current record */
};

/* Start writing into out (appending); writes the BOM when asked. */
int	csv_begin(struct csv *c, struct strbuf *out, unsigned flags);
/* One field; NULL is an empty field.  0, or -1 when memory runs out. */
int	csv_field(struct csv *c, const char *s);
int	csv_field_long(struct csv *c, long v);
/* End the current record with CRLF. */
int	csv_end_record(struct csv *c);
/* A whole record of n fields. */
int	csv_record(struct csv *c, const char *const *fields, size_t n);

#endif

/*
 * xlsx: the common part of Leerlijn's Excel workbooks, over Debian's
 * libxlsxwriter.  Plain C: no Kore, no libpq.
 *
 * libxlsxwriter writes a workbook to a named file; xlsx_open() gives it a
 * private temporary file and xlsx_close() reads the finished workbook
 * back into memory and removes the file.  Every sheet gets a bold header
 * row that stays in view (frozen) with an autofilter.
 */
#ifndef LEERLIJN_XLSX_H
#define LEERLIJN_XLSX_H

#define XLSX_MEDIA_TYPE \
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

#include <stddef.h>

#include <xlsxwriter.h>

#include "core/strbuf.h"

struct xlsx {
	lxw_workbook	*wb;
	lxw_format	*head;		/* bold header cells */
	lxw_format	*date;		/* dd-mm-jjjj */
	lxw_format	*percent;	/* 0% */
	lxw_format	*wrap;		/* wrapped text */
	char		 path[64];
};

/* A column of a sheet: its header and width in characters. */
struct xlsx_column {
	const char	*title;
	double		 width;
};

/* Start a workbook; 0, or -1 (nothing to clean up then). */
int		 xlsx_open(struct xlsx *x);
/*
 * A new sheet named name (cut to Excel's 31 characters on a UTF-8
 * boundary, characters Excel refuses replaced) with the header row of
 * cols frozen and filtered for nrows data rows.  NULL on failure.
 */
lxw_worksheet	*xlsx_sheet(struct xlsx *x, const char *name,
		    const struct xlsx_column *cols, size_t ncols,
		    size_t nrows);
/* Text (NULL: empty cell); a date "YYYY-MM-DD" as a date (else text). */
int		 xlsx_text(struct xlsx *x, lxw_worksheet *ws, size_t row,
		    size_t col, const char *s);
int		 xlsx_date(struct xlsx *x, lxw_worksheet *ws, size_t row,
		    size_t col, const char *ymd);
/*
 * Finish the workbook and append its bytes to out (out may be NULL to
 * only clean up after a failure).  Always frees the workbook and removes
 * the file; 0, or -1.
 */
int		 xlsx_close(struct xlsx *x, struct strbuf *out);

#endif

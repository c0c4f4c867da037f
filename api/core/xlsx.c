/*
 * xlsx: see xlsx.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/utf8.h"
#include "core/xlsx.h"

#define SHEET_NAME_MAX	31	/* characters, Excel's limit */

int
xlsx_open(struct xlsx *x)
{
	const char	*dir;
	int		 fd;

	memset(x, 0, sizeof(*x));
	dir = getenv("TMPDIR");
	if (dir == NULL || *dir == '\0' || strlen(dir) > 40)
		dir = "/tmp";
	(void)snprintf(x->path, sizeof(x->path), "%s/leerlijn-XXXXXX.xlsx",
	    dir);
	if ((fd = mkstemps(x->path, 5)) == -1)
		return (-1);
	(void)close(fd);
	if ((x->wb = workbook_new(x->path)) == NULL) {
		(void)unlink(x->path);
		return (-1);
	}
	x->head = workbook_add_format(x->wb);
	format_set_bold(x->head);
	format_set_bottom(x->head, LXW_BORDER_THIN);
	x->date = workbook_add_format(x->wb);
	format_set_num_format(x->date, "dd-mm-yyyy");
	format_set_align(x->date, LXW_ALIGN_LEFT);
	x->percent = workbook_add_format(x->wb);
	format_set_num_format(x->percent, "0%");
	x->wrap = workbook_add_format(x->wb);
	format_set_text_wrap(x->wrap);
	format_set_align(x->wrap, LXW_ALIGN_VERTICAL_TOP);
	return (0);
}

/* Excel refuses []:*?/\ in sheet names. */
static void
sheet_name(const char *name, char *out, size_t len)
{
	size_t	n;
	char	*p;

	n = utf8_cut(name, strlen(name), len - 1, SHEET_NAME_MAX);
	memcpy(out, name, n);
	out[n] = '\0';
	for (p = out; *p != '\0'; p++)
		if (strchr("[]:*?/\\", *p) != NULL)
			*p = '-';
	if (out[0] == '\0')
		(void)snprintf(out, len, "Blad");
}

lxw_worksheet *
xlsx_sheet(struct xlsx *x, const char *name, const struct xlsx_column *cols,
    size_t ncols, size_t nrows)
{
	lxw_worksheet	*ws;
	char		 nm[SHEET_NAME_MAX * 4 + 1];
	size_t		 i;

	sheet_name(name, nm, sizeof(nm));
	if ((ws = workbook_add_worksheet(x->wb, nm)) == NULL)
		return (NULL);
	for (i = 0; i < ncols; i++) {
		if (worksheet_write_string(ws, 0, (lxw_col_t)i, cols[i].title,
		    x->head) != LXW_NO_ERROR)
			return (NULL);
		(void)worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i,
		    cols[i].width, NULL);
	}
	worksheet_freeze_panes(ws, 1, 0);
	if (ncols > 0)
		(void)worksheet_autofilter(ws, 0, 0, (lxw_row_t)nrows,
		    (lxw_col_t)(ncols - 1));
	return (ws);
}

int
xlsx_text(struct xlsx *x, lxw_worksheet *ws, size_t row, size_t col,
    const char *s)
{
	(void)x;
	if (s == NULL || *s == '\0')
		return (0);
	return (worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, s,
	    strchr(s, '\n') != NULL ? x->wrap : NULL) == LXW_NO_ERROR ? 0 : -1);
}

int
xlsx_date(struct xlsx *x, lxw_worksheet *ws, size_t row, size_t col,
    const char *ymd)
{
	lxw_datetime	dt;
	char		tail;

	if (ymd == NULL || *ymd == '\0')
		return (0);
	memset(&dt, 0, sizeof(dt));
	if (sscanf(ymd, "%4d-%2d-%2d%c", &dt.year, &dt.month, &dt.day,
	    &tail) != 3 || dt.year < 1900 || dt.month < 1 || dt.month > 12 ||
	    dt.day < 1 || dt.day > 31)
		return (xlsx_text(x, ws, row, col, ymd));
	return (worksheet_write_datetime(ws, (lxw_row_t)row, (lxw_col_t)col,
	    &dt, x->date) == LXW_NO_ERROR ? 0 : -1);
}

int
xlsx_close(struct xlsx *x, struct strbuf *out)
{
	FILE	*f;
	char	 buf[8192];
	size_t	 n;
	int	 rc;

	if (x->wb == NULL)
		return (-1);
	rc = workbook_close(x->wb) == LXW_NO_ERROR ? 0 : -1;
	x->wb = NULL;
	if (rc == 0 && out != NULL) {
		if ((f = fopen(x->path, "rb")) == NULL)
			rc = -1;
		else {
			while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
				if (strbuf_append(out, buf, n) == -1) {
					rc = -1;
					break;
				}
			if (ferror(f))
				rc = -1;
			(void)fclose(f);
		}
	}
	(void)unlink(x->path);
	return (out == NULL ? -1 : rc);
}

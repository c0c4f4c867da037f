/*
 * plan_xlsx: a checked plan document (plans_json.h) as an Excel workbook:
 * one sheet "Jaarplan", Dutch headers, level names as schools write them,
 * dates as dates, the header row frozen.  Plain C with jansson and
 * libxlsxwriter.
 */
#ifndef LEERLIJN_PLAN_XLSX_H
#define LEERLIJN_PLAN_XLSX_H

#include <jansson.h>

#include "core/strbuf.h"

/* Appends the workbook to out; 0, or -1. */
int	plan_export_xlsx(const json_t *plan, struct strbuf *out);

#endif

/*
 * case_import: what the database's answer to an import of a CASE package
 * (case_import() in schema/0041) means for the API.  Plain C and jansson.
 */
#ifndef LEERLIJN_CASE_IMPORT_H
#define LEERLIJN_CASE_IMPORT_H

#include <jansson.h>

#include "core/status.h"

/*
 * The status of result: ST_CREATED or ST_OK ("ok": the framework was
 * created, or updated or left as it was), ST_CONFLICT ("conflict": an
 * identifier belongs to another framework), ST_UNPROCESSABLE ("invalid":
 * references the database cannot resolve), and ST_INTERNAL for anything
 * else, a missing status included: the database said something the API
 * does not know.
 */
enum app_status	case_import_status(const json_t *result);

#endif

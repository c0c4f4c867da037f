/*
 * case_import: what the database's answer to an import means for the API.
 */
#include <string.h>

#include "case/case_import.h"

enum app_status
case_import_status(const json_t *result)
{
	const char	*s;

	if ((s = json_string_value(json_object_get(result, "status"))) == NULL)
		return (ST_INTERNAL);
	if (strcmp(s, "ok") == 0)
		return (json_is_true(json_object_get(result, "created")) ?
		    ST_CREATED : ST_OK);
	if (strcmp(s, "conflict") == 0)
		return (ST_CONFLICT);
	if (strcmp(s, "invalid") == 0)
		return (ST_UNPROCESSABLE);
	return (ST_INTERNAL);
}

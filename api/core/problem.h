/*
 * problem: RFC 9457 problem documents as jansson objects.
 */
#ifndef LEERLIJN_PROBLEM_H
#define LEERLIJN_PROBLEM_H

#include <jansson.h>

#include "core/status.h"

/*
 * A new problem document for s with an optional detail (NULL leaves it
 * out).  The caller owns the result (json_decref); NULL when out of memory.
 */
json_t	*problem_new(enum app_status s, const char *detail);
/* Append {field, message} to the document's "errors" array; 0 or -1. */
int	 problem_add_error(json_t *problem, const char *field,
	    const char *message);
/* Number of entries in "errors". */
size_t	 problem_error_count(const json_t *problem);

#endif

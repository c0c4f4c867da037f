/*
 * problem: RFC 9457 problem documents as jansson objects.
 */
#include <stdio.h>

#include "core/problem.h"

#define PROBLEM_TYPE_BASE	"/api/v1/problems/"

json_t *
problem_new(enum app_status s, const char *detail)
{
	json_t	*p;
	char	 type[96];

	(void)snprintf(type, sizeof(type), "%s%s", PROBLEM_TYPE_BASE,
	    status_slug(s));
	p = json_pack("{s:s, s:s, s:i}", "type", type,
	    "title", status_title(s), "status", status_http(s));
	if (p == NULL)
		return (NULL);
	if (detail != NULL &&
	    json_object_set_new(p, "detail", json_string(detail)) == -1) {
		json_decref(p);
		return (NULL);
	}
	return (p);
}

int
problem_add_error(json_t *problem, const char *field, const char *message)
{
	json_t	*errors;

	if ((errors = json_object_get(problem, "errors")) == NULL) {
		if ((errors = json_array()) == NULL)
			return (-1);
		if (json_object_set_new(problem, "errors", errors) == -1)
			return (-1);
	}
	return (json_array_append_new(errors, json_pack("{s:s, s:s}",
	    "field", field, "message", message)));
}

size_t
problem_error_count(const json_t *problem)
{
	return (json_array_size(json_object_get(problem, "errors")));
}

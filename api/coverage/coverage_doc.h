/*
 * coverage_doc: reading a coverage report document (jansson), shared by
 * its CSV (coverage_report.c) and HTML (coverage_html.c) writers.
 */
#ifndef LEERLIJN_COVERAGE_DOC_H
#define LEERLIJN_COVERAGE_DOC_H

#include <string.h>

#include <jansson.h>

static inline const char *
str(const json_t *o, const char *key)
{
	const char	*s;

	s = json_string_value(json_object_get(o, key));
	return (s != NULL ? s : "");
}

static inline long
num(const json_t *o, const char *key)
{
	return ((long)json_integer_value(json_object_get(o, key)));
}

static inline double
real(const json_t *o, const char *key)
{
	return (json_number_value(json_object_get(o, key)));
}

static inline int
is_aggregate(const json_t *doc)
{
	return (strcmp(str(json_object_get(doc, "scope"), "kind"),
	    "schools") == 0);
}

#endif

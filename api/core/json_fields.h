/*
 * json_fields: validate a request body against a table of fields.
 *
 * Each write endpoint describes its body as an array of field specs; the
 * validator refuses unknown fields, wrong types, missing required fields,
 * overlong strings and out-of-range numbers, and collects every error with
 * its field name.  What passes is handed to SQL as one jsonb parameter.
 * Plain C with jansson: no Kore, no libpq.
 */
#ifndef LEERLIJN_JSON_FIELDS_H
#define LEERLIJN_JSON_FIELDS_H

#include <stddef.h>

#include <jansson.h>

#include "core/params.h"

/*
 * Text is valid UTF-8 (jansson guarantees it) without control characters
 * other than tab, line feed and carriage return, and without white space
 * at either end.
 */
enum field_type {
	FT_STRING,		/* non-empty text, at most max code points */
	FT_TEXT,		/* like FT_STRING but may be null to clear */
	FT_URL,			/* http(s) URL without white space, at most
				   max bytes; may be null to clear */
	FT_CODE,		/* param_is_code(), at most max bytes */
	FT_UUID,		/* may be null unless required */
	FT_INT,			/* integer in [min, max]; null unless required */
	FT_BOOL,
	FT_ENUM,		/* one of words */
	FT_STRING_ARRAY,	/* array of at most max_items FT_STRING */
	FT_CODE_ARRAY,		/* array of at most max_items FT_CODE */
	FT_OBJECT_ARRAY		/* array of at most max_items JSON objects, each
				   checked against of when it is set */
};

struct field_table;

struct field_spec {
	const char		*name;
	enum field_type		 type;
	int			 required;	/* on create */
	long			 min;		/* FT_INT */
	long			 max;		/* length, value or bound */
	size_t			 max_items;	/* arrays */
	const char *const	*words;		/* FT_ENUM */
	const struct field_table *of;		/* FT_OBJECT_ARRAY: its items */
};

/* One spec of a table, in the order of struct field_spec. */
#define FIELD(name, type, required, min, max, items, words)		\
	{ (name), (type), (required), (min), (max), (items), (words), NULL }
/* An array of at most items objects, each with the fields of table. */
#define FIELD_OBJECTS(name, required, items, table)			\
	{ (name), FT_OBJECT_ARRAY, (required), 0, 0, (items), NULL, (table) }
/* The number of specs in a table. */
#define NFIELDS(specs)	(sizeof(specs) / sizeof((specs)[0]))

/* The specs of one request body. */
struct field_table {
	const struct field_spec	*specs;
	size_t			 n;
};
#define FIELD_TABLE(specs)	{ (specs), NFIELDS(specs) }

#define FIELD_CREATE	0	/* required fields must be present */
#define FIELD_PATCH	1	/* every field optional; at least one */

/*
 * Check obj against the n specs.  Returns the number of errors written
 * into e (0 when valid; at most PARAM_MAX_ERRORS are kept).  Field names
 * and messages in e point into specs, into obj (unknown fields: keep obj
 * while e is used) or to static strings.
 */
size_t	json_fields_check(const json_t *obj, const struct field_spec *specs,
	    size_t n, int mode, struct param_errors *e);

#endif

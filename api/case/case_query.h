/*
 * case_query: the query parameters of GET /ims/case/v1p0/CFDocuments and
 * the imsx_StatusInfo error documents of the CASE provider.
 *
 * filter follows the IMS REST binding: terms FIELD OP 'VALUE' with OP one
 * of = != < <= > >= ~ (contains, case-insensitive), joined by " AND " or
 * by " OR " (not both).  FIELD and sort name a member of CFDocument.
 * Plain C and jansson only.
 */
#ifndef LEERLIJN_CASE_QUERY_H
#define LEERLIJN_CASE_QUERY_H

#include <stddef.h>

#include <jansson.h>

#define CASE_FILTER_TERMS	8
#define CASE_FILTER_VALUE_MAX	256

struct case_filter_term {
	char	field[32];
	char	op[3];
	char	value[CASE_FILTER_VALUE_MAX];
};

struct case_filter {
	int			logic_or;
	size_t			n;
	struct case_filter_term	t[CASE_FILTER_TERMS];
};

/* 1 when name is a CFDocument member one may filter or sort on. */
int	case_document_field(const char *name);
/*
 * Parse a filter; 0, or -1 with a Dutch reason in *why (static text) and
 * the field it is about (when known) copied into f->t[f->n].field.
 */
int	case_filter_parse(const char *s, struct case_filter *f,
	    const char **why);
/* The filter as {logic, terms: [{field, op, value}]}; new reference. */
json_t	*case_filter_json(const struct case_filter *f);

/* CASE 1.0 imsx_CodeMinor values. */
#define IMSX_UNKNOWN_OBJECT		"unknownobject"
#define IMSX_INVALID_UUID		"invalid_uuid"
#define IMSX_INVALID_SORT_FIELD		"invalid_sort_field"
#define IMSX_INVALID_SELECTION_FIELD	"invalid_selection_field"
#define IMSX_FORBIDDEN			"forbidden"
#define IMSX_UNAUTHORISED		"unauthorisedrequest"
#define IMSX_INTERNAL			"internal_server_error"
#define IMSX_SERVER_BUSY		"server_busy"
#define IMSX_UNSUPPORTED		"unsupported"

/*
 * An imsx_StatusInfo failure document (imsx_codeMajor "failure",
 * imsx_severity "error") with the description and code minor; new
 * reference, NULL when out of memory.
 */
json_t	*case_imsx_new(const char *minor, const char *description);
/* The HTTP status that goes with a code minor. */
int	 case_imsx_http(const char *minor);

#endif

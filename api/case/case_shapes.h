/*
 * case_shapes: the shapes of the objects of an IMS CASE 1.0 CFPackage, as
 * its JSON schema says (members, their kinds of value, which are
 * required, which objects are closed), for case_package.c.
 */
#ifndef LEERLIJN_CASE_SHAPES_H
#define LEERLIJN_CASE_SHAPES_H

#include <stddef.h>

/* The kinds of value the schema allows for a member. */
enum vtype {
	V_STRING,		/* string */
	V_TEXT,			/* string, not blank */
	V_URI,			/* string, format uri */
	V_URL,			/* an http(s) URI: shown as a link */
	V_UUID,			/* string, UUID */
	V_DATETIME,		/* string, format date-time */
	V_DATE_DT,		/* date or date-time */
	V_DATE_DT_NULL,		/* date, date-time or null */
	V_INT32,		/* integer, int32 */
	V_NUMBER,		/* number */
	V_STR_OR_STRS,		/* string or array of strings */
	V_STRS_OR_NULL,		/* array of strings or null */
	V_STR_OR_NULL,		/* string or null */
	V_LINK,			/* LinkURI */
	V_LINK_OR_NULL,		/* LinkURI or null */
	V_LINKS,		/* array of LinkURI */
	V_LINKGEN,		/* LinkGenURI */
	V_ASSOC_TYPE,		/* one of the association types */
	V_OBJECTS		/* array of objects of shape sub */
};

struct shape;

struct member {
	const char		*name;
	enum vtype		 type;
	int			 required;
	const struct shape	*sub;
};

struct shape {
	const struct member	*m;
	size_t			 n;
	int			 closed;	/* additionalProperties false */
};

/* Links (LinkURI, LinkGenURI) and the objects the checks start from. */
extern const struct shape	case_link_shape;
extern const struct shape	case_linkgen_shape;
extern const struct shape	case_document_shape;
extern const struct shape	case_item_shape;
extern const struct shape	case_assoc_shape;
extern const struct shape	case_rubric_shape;
extern const struct shape	case_definitions_shape;
/* The association types of CASE 1.0 (NULL-terminated). */
extern const char *const	case_assoc_types[];

#endif

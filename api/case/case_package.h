/*
 * case_package: checks an IMS CASE 1.0 CFPackage before it is imported.
 *
 * Structure as the CASE 1.0 CFPackage JSON schema says (required members,
 * types, UUIDs, URIs, dates, association types; unknown members where the
 * schema closes an object), and what the schema cannot say: non-empty
 * statements, no identifier twice, associations whose origin is an item of
 * the package, isChildOf only between the package's items and document,
 * no cycle of isChildOf.  References to goals outside the package are
 * checked by the database (case_import()).  Plain C and jansson only.
 */
#ifndef LEERLIJN_CASE_PACKAGE_H
#define LEERLIJN_CASE_PACKAGE_H

#include <stddef.h>

#include <jansson.h>

#define CASE_ERRORS_MAX		50
#define CASE_PATH_MAX		128
#define CASE_MESSAGE_MAX	200

struct case_error {
	char	path[CASE_PATH_MAX];		/* "CFItems[3].identifier" */
	char	message[CASE_MESSAGE_MAX];	/* Dutch, for people */
};

struct case_errors {
	size_t			n;		/* kept (at most CASE_ERRORS_MAX) */
	size_t			total;		/* found */
	struct case_error	e[CASE_ERRORS_MAX];
};

/* Check pkg; fills e and returns the number of problems found (0: fine). */
size_t	case_package_check(const json_t *pkg, struct case_errors *e);
/*
 * Prepare a checked package for case_import(): identifiers in lower case,
 * each item's educationLevel "nl-niveau:" values as "_levels" (level codes
 * for the database).  Returns 0, or -1 when out of memory.
 */
int	case_package_prepare(json_t *pkg);

/* 1 when s is an RFC 3339 date-time ("2024-05-01T12:00:00Z"). */
int	case_is_datetime(const char *s);
/* 1 when s is an RFC 3339 full-date ("2024-05-01"). */
int	case_is_date(const char *s);
/* 1 when s is an absolute URI (scheme ":" and no spaces or controls). */
int	case_is_uri(const char *s);

#endif

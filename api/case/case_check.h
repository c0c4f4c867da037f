/*
 * case_check: what the checks of a CASE package share (case_package.c,
 * case_refs.c).  Plain C and jansson.
 */
#ifndef LEERLIJN_CASE_CHECK_H
#define LEERLIJN_CASE_CHECK_H

#include <stddef.h>

#include <jansson.h>

#include "case/case_package.h"

/*
 * Add an error at path with a printf-like message; both are cut to their
 * fields on a UTF-8 character boundary.  Counted beyond CASE_ERRORS_MAX.
 */
void	case_err(struct case_errors *e, const char *path, const char *fmt,
	    ...) __attribute__((format(printf, 3, 4)));
/* path + "." + name into out. */
void	case_subpath(char *out, size_t len, const char *path,
	    const char *name);
/* path + "[i]" into out. */
void	case_indexpath(char *out, size_t len, const char *path, size_t i);
/* The 36 characters of the UUID src in lower case into dst (37 bytes). */
void	case_lower_uuid(char *dst, const char *src);
/* Every identifier of the package once; -1 when out of memory. */
int	case_check_duplicates(const json_t *pkg, struct case_errors *e);
/* The associations' references and isChildOf; -1 when out of memory. */
int	case_check_references(const json_t *pkg, struct case_errors *e);

#endif

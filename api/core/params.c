/*
 * params: validation of single request parameters.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "core/params.h"
#include "core/utf8.h"

void
param_error(struct param_errors *e, const char *field, const char *message)
{
	if (e->n == PARAM_MAX_ERRORS)
		return;
	e->field[e->n] = field;
	e->message[e->n] = message;
	e->n++;
}

int
param_int(const char *v, long min, long max, long *out)
{
	char	*end;
	long	 n;

	if (v == NULL || *v == '\0')
		return (0);
	if (!(*v >= '0' && *v <= '9') && *v != '-')
		return (0);
	errno = 0;
	n = strtol(v, &end, 10);
	if (errno != 0 || *end != '\0' || n < min || n > max)
		return (0);
	*out = n;
	return (1);
}

static int
is_hex(char c)
{
	return ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	    (c >= 'A' && c <= 'F'));
}

int
param_is_uuid(const char *v)
{
	size_t	i;

	if (v == NULL || strlen(v) != 36)
		return (0);
	for (i = 0; i < 36; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (v[i] != '-')
				return (0);
		} else if (!is_hex(v[i])) {
			return (0);
		}
	}
	return (1);
}

int
param_is_code(const char *v, size_t maxlen)
{
	size_t	i;

	if (v == NULL || *v == '\0' || strlen(v) > maxlen)
		return (0);
	if (v[0] == ' ' || v[strlen(v) - 1] == ' ')
		return (0);
	for (i = 0; v[i] != '\0'; i++) {
		if (!((v[i] >= 'a' && v[i] <= 'z') ||
		    (v[i] >= 'A' && v[i] <= 'Z') ||
		    (v[i] >= '0' && v[i] <= '9') || v[i] == ' ' ||
		    v[i] == '.' || v[i] == '_' || v[i] == '-' || v[i] == '/'))
			return (0);
	}
	return (1);
}

int
param_is_one_of(const char *v, const char *const *words)
{
	size_t	i;

	if (v == NULL)
		return (0);
	for (i = 0; words[i] != NULL; i++) {
		if (strcmp(v, words[i]) == 0)
			return (1);
	}
	return (0);
}

int
param_text_ok(const char *v, size_t maxlen)
{
	size_t	len;

	if (v == NULL || *v == '\0')
		return (0);
	len = strlen(v);
	return (utf8_valid(v, len) && utf8_length(v, len) <= maxlen);
}

void
param_paging(const char *limit, const char *offset, long def_limit,
    long max_limit, long *out_limit, long *out_offset,
    struct param_errors *e)
{
	*out_limit = def_limit;
	*out_offset = 0;
	if (limit != NULL && !param_int(limit, 1, max_limit, out_limit))
		param_error(e, "limit", "moet een geheel getal van 1 tot en "
		    "met het maximum zijn");
	if (offset != NULL && !param_int(offset, 0, 1000000, out_offset))
		param_error(e, "offset", "moet een geheel getal van 0 tot en "
		    "met 1000000 zijn");
}

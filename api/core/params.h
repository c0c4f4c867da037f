/*
 * params: validation of single request parameters (query string values and
 * path segments).  Plain C: no Kore, no libpq.
 */
#ifndef LEERLIJN_PARAMS_H
#define LEERLIJN_PARAMS_H

#include <stddef.h>

#define PARAM_MAX_ERRORS	16

/* Collected validation errors: field names and Dutch messages. */
struct param_errors {
	size_t		 n;
	const char	*field[PARAM_MAX_ERRORS];
	const char	*message[PARAM_MAX_ERRORS];
};

void	param_error(struct param_errors *, const char *field,
	    const char *message);

/* 1 when v is a decimal integer in [min, max]; stores it in *out. */
int	param_int(const char *v, long min, long max, long *out);
/* 1 when v is a UUID in canonical 8-4-4-4-12 hex form (any case). */
int	param_is_uuid(const char *v);
/*
 * 1 when v is a non-empty code of at most maxlen bytes made of letters,
 * digits, space and ". _ - /" (framework, level, goal and programme codes).
 */
int	param_is_code(const char *v, size_t maxlen);
/* 1 when v is one of the NULL terminated words. */
int	param_is_one_of(const char *v, const char *const *words);
/* 1 when v is non-empty and at most maxlen code points (v is UTF-8). */
int	param_text_ok(const char *v, size_t maxlen);

/*
 * Paging: limit (1..max_limit, default def_limit) and offset (0..1000000,
 * default 0); errors go into e.
 */
void	param_paging(const char *limit, const char *offset, long def_limit,
	    long max_limit, long *out_limit, long *out_offset,
	    struct param_errors *e);

#endif

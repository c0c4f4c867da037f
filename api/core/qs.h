/*
 * qs: parse an application/x-www-form-urlencoded query string.
 *
 * Keys and values are percent-decoded ('+' is a space) and must be valid
 * UTF-8.  A key may appear only once.  Nothing here knows about Kore.
 */
#ifndef LEERLIJN_QS_H
#define LEERLIJN_QS_H

#include <stddef.h>

#define QS_MAX_PAIRS	32
#define QS_MAX_LEN	4096

enum qs_result {
	QS_OK = 0,
	QS_BAD_ENCODING,	/* a stray or malformed %xx */
	QS_BAD_UTF8,		/* decoded bytes are not UTF-8 */
	QS_TOO_MANY,		/* more than QS_MAX_PAIRS pairs */
	QS_TOO_LONG,		/* longer than QS_MAX_LEN bytes */
	QS_DUPLICATE,		/* the same key twice */
	QS_EMPTY_KEY		/* "=x" or "&&" style pair */
};

struct qs_pair {
	char	*key;
	char	*value;
};

struct qs {
	size_t		n;
	struct qs_pair	pairs[QS_MAX_PAIRS];
	char		*store;		/* one allocation holds every string */
};

/*
 * Parse raw (may be NULL or empty) into q.  On error *bad_key (if given)
 * points to the offending key inside q, or NULL.  The caller frees q with
 * qs_free() in every case.
 */
enum qs_result	 qs_parse(struct qs *q, const char *raw, const char **bad_key);
void		 qs_free(struct qs *q);
/* Value of key, or NULL when absent. */
const char	*qs_get(const struct qs *q, const char *key);
/*
 * First key of q that is not in the comma separated list allowed (NULL
 * allows nothing), or NULL when every key is allowed.
 */
const char	*qs_first_unknown(const struct qs *q, const char *allowed);
/* A sentence in Dutch describing r. */
const char	*qs_result_text(enum qs_result r);

#endif

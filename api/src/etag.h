/*
 * etag: versions as entity tags ("3") for ETag / If-Match (RFC 9110).
 */
#ifndef LEERLIJN_ETAG_H
#define LEERLIJN_ETAG_H

#include <stddef.h>

/*
 * The version of an If-Match value: "3" or W/"3" (a weak tag compares
 * the same here), 1 .. 2^31-1.  0, or -1 when it is not such a tag
 * (also for "*" and lists).
 */
int	etag_parse(const char *value, long *version);
/* "\"3\"" into buf. */
void	etag_format(long version, char *buf, size_t len);

#endif

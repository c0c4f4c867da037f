/*
 * strbuf: a growable byte buffer that is always NUL terminated.
 */
#ifndef LEERLIJN_STRBUF_H
#define LEERLIJN_STRBUF_H

#include <stddef.h>

struct strbuf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

void	strbuf_init(struct strbuf *);
/* Append len bytes; returns -1 when memory runs out (buffer unchanged). */
int	strbuf_append(struct strbuf *, const void *, size_t);
int	strbuf_appendf(struct strbuf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* Free the buffer's memory; safe on an initialised or zeroed strbuf. */
void	strbuf_free(struct strbuf *);
/*
 * Read a whole file into b (appending).  Returns 0, or -1 with errno set.
 * Files larger than max bytes fail with EFBIG.
 */
int	strbuf_read_file(struct strbuf *, const char *path, size_t max);

#endif

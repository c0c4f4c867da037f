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
	int	 secret;	/* wiped when it grows and when freed */
};

void	strbuf_init(struct strbuf *);
/*
 * A buffer for secrets (a request body may hold a password): when it grows
 * the old memory is wiped before it is freed, and strbuf_free() wipes it.
 */
void	strbuf_init_secret(struct strbuf *);
/* Zero every byte of the buffer's memory and empty it (keeps the memory). */
void	strbuf_wipe(struct strbuf *);
/* Append len bytes; returns -1 when memory runs out (buffer unchanged). */
int	strbuf_append(struct strbuf *, const void *, size_t);
int	strbuf_appendf(struct strbuf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/*
 * Free the buffer's memory (wiped first for a secret one); safe on an
 * initialised or zeroed strbuf.
 */
void	strbuf_free(struct strbuf *);
/*
 * Read a whole file into b (appending).  Returns 0, or -1 with errno set.
 * Files larger than max bytes fail with EFBIG.
 */
int	strbuf_read_file(struct strbuf *, const char *path, size_t max);

#endif

/*
 * strbuf: a growable byte buffer that is always NUL terminated.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"

void
strbuf_init(struct strbuf *b)
{
	b->data = NULL;
	b->len = 0;
	b->cap = 0;
	b->secret = 0;
}

void
strbuf_init_secret(struct strbuf *b)
{
	strbuf_init(b);
	b->secret = 1;
}

void
strbuf_wipe(struct strbuf *b)
{
	if (b->data != NULL)
		explicit_bzero(b->data, b->cap);
	b->len = 0;
}

static int
strbuf_reserve(struct strbuf *b, size_t extra)
{
	size_t	 need, cap;
	char	*p;

	if (extra > (size_t)-1 - b->len - 1)
		return (-1);
	need = b->len + extra + 1;
	if (need <= b->cap)
		return (0);
	cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap = cap > (size_t)-1 / 2 ? need : cap * 2;
	if (!b->secret)
		p = realloc(b->data, cap);
	else if ((p = malloc(cap)) != NULL && b->data != NULL) {
		/* realloc() could leave a copy behind in freed memory. */
		memcpy(p, b->data, b->len + 1);
		explicit_bzero(b->data, b->cap);
		free(b->data);
	}
	if (p == NULL)
		return (-1);
	b->data = p;
	b->cap = cap;
	return (0);
}

int
strbuf_append(struct strbuf *b, const void *d, size_t len)
{
	if (strbuf_reserve(b, len) == -1)
		return (-1);
	if (len > 0)
		memcpy(b->data + b->len, d, len);
	b->len += len;
	b->data[b->len] = '\0';
	return (0);
}

int
strbuf_appendf(struct strbuf *b, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || strbuf_reserve(b, (size_t)n) == -1)
		return (-1);
	va_start(ap, fmt);
	(void)vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return (0);
}

void
strbuf_free(struct strbuf *b)
{
	int	secret;

	if (b == NULL)
		return;
	if ((secret = b->secret))
		strbuf_wipe(b);
	free(b->data);
	strbuf_init(b);
	b->secret = secret;
}

int
strbuf_read_file(struct strbuf *b, const char *path, size_t max)
{
	FILE	*fp;
	char	 chunk[8192];
	size_t	 n, total;
	int	 saved;

	if ((fp = fopen(path, "rb")) == NULL)
		return (-1);
	total = 0;
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		total += n;
		if (total > max) {
			fclose(fp);
			errno = EFBIG;
			return (-1);
		}
		if (strbuf_append(b, chunk, n) == -1) {
			fclose(fp);
			errno = ENOMEM;
			return (-1);
		}
	}
	if (ferror(fp)) {
		saved = errno;
		fclose(fp);
		errno = saved ? saved : EIO;
		return (-1);
	}
	fclose(fp);
	if (b->data == NULL && strbuf_append(b, "", 0) == -1) {
		errno = ENOMEM;
		return (-1);
	}
	return (0);
}

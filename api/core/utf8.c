/*
 * utf8: strict UTF-8 validation.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"

int
utf8_valid(const char *str, size_t len)
{
	const unsigned char	*s = (const unsigned char *)str;
	size_t			 i, n, k;
	unsigned long		 cp, min;

	for (i = 0; i < len; i += n) {
		if (s[i] == 0x00)
			return (0);
		if (s[i] < 0x80) {
			n = 1;
			continue;
		}
		if ((s[i] & 0xe0) == 0xc0) {
			n = 2;
			cp = s[i] & 0x1f;
			min = 0x80;
		} else if ((s[i] & 0xf0) == 0xe0) {
			n = 3;
			cp = s[i] & 0x0f;
			min = 0x800;
		} else if ((s[i] & 0xf8) == 0xf0) {
			n = 4;
			cp = s[i] & 0x07;
			min = 0x10000;
		} else {
			return (0);
		}
		if (len - i < n)
			return (0);
		for (k = 1; k < n; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return (0);
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return (0);
	}

	return (1);
}

size_t
utf8_length(const char *str, size_t len)
{
	const unsigned char	*s = (const unsigned char *)str;
	size_t			 i, count;

	count = 0;
	for (i = 0; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			count++;
	}

	return (count);
}

/* The length of the sequence that starts with lead byte c (1 if invalid). */
static size_t
seq_len(unsigned char c)
{
	if ((c & 0xe0) == 0xc0)
		return (2);
	if ((c & 0xf0) == 0xe0)
		return (3);
	if ((c & 0xf8) == 0xf0)
		return (4);
	return (1);
}

size_t
utf8_cut(const char *str, size_t len, size_t max_bytes, size_t max_chars)
{
	const unsigned char	*s = (const unsigned char *)str;
	size_t			 i, n, k, chars;

	for (i = 0, chars = 0; i < len && chars < max_chars; i += n, chars++) {
		n = seq_len(s[i]);
		for (k = 1; k < n; k++)
			if (i + k >= len || (s[i + k] & 0xc0) != 0x80) {
				n = 1;
				break;
			}
		if (n > max_bytes - i || i + n > len)
			break;
	}
	return (i);
}

size_t
utf8_fmt(char *buf, size_t len, const char *fmt, ...)
{
	va_list	ap;
	size_t	n;

	va_start(ap, fmt);
	n = utf8_vfmt(buf, len, fmt, ap);
	va_end(ap);
	return (n);
}

size_t
utf8_vfmt(char *buf, size_t len, const char *fmt, va_list ap)
{
	va_list	 again;
	char	*full;
	int	 n;
	size_t	 cut;

	if (len == 0)
		return (0);
	va_copy(again, ap);
	n = vsnprintf(buf, len, fmt, ap);
	if (n < 0) {
		va_end(again);
		buf[0] = '\0';
		return (0);
	}
	if ((size_t)n < len) {
		va_end(again);
		return ((size_t)n);
	}
	/* Too long: cut the whole text, not the bytes snprintf kept. */
	if (vasprintf(&full, fmt, again) == -1) {
		va_end(again);
		buf[0] = '\0';
		return (0);
	}
	va_end(again);
	cut = utf8_cut(full, (size_t)n, len - 1, SIZE_MAX);
	memcpy(buf, full, cut);
	buf[cut] = '\0';
	free(full);
	return (cut);
}

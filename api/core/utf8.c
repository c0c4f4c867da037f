/*
 * utf8: strict UTF-8 validation.
 */
#include <stdarg.h>
#include <stdio.h>
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

/* The length of the sequence a lead byte starts (0: not a lead byte). */
static size_t
seq_len(unsigned char c)
{
	if (c < 0x80)
		return (1);
	if ((c & 0xe0) == 0xc0)
		return (2);
	if ((c & 0xf0) == 0xe0)
		return (3);
	if ((c & 0xf8) == 0xf0)
		return (4);
	return (0);
}

size_t
utf8_prefix(const char *str, size_t len, size_t max)
{
	const unsigned char	*s = (const unsigned char *)str;
	size_t			 i, n;

	if (len <= max)
		return (len);
	/* Back to the start of the character that holds byte max. */
	i = max;
	while (i > 0 && (s[i] & 0xc0) == 0x80 && max - i < 3)
		i--;
	/* A lead byte whose sequence ends at or before max stays whole. */
	n = seq_len(s[i]);
	if (n != 0 && i + n <= max)
		return (i + n);
	return (i);
}

size_t
utf8_cut(char *s, size_t max)
{
	size_t	n;

	n = utf8_prefix(s, strlen(s), max);
	s[n] = '\0';
	return (n);
}

/*
 * s holds the first len bytes of a longer text (NUL at len): drop a last
 * character that was cut off.  Returns the new length.
 */
static size_t
drop_partial_tail(char *str, size_t len)
{
	unsigned char	*s = (unsigned char *)str;
	size_t		 i;

	i = len;
	while (i > 0 && len - i < 4 && (s[i - 1] & 0xc0) == 0x80)
		i--;
	if (i > 0 && s[i - 1] >= 0xc0 && (i - 1) + seq_len(s[i - 1]) > len)
		len = i - 1;
	else if (i > 0 && len - i > 0 && s[i - 1] < 0x80)
		len = i;	/* stray continuation bytes */
	s[len] = '\0';
	return (len);
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
	int	n;

	if (len == 0)
		return (0);
	n = vsnprintf(buf, len, fmt, ap);
	if (n < 0) {
		buf[0] = '\0';
		return (0);
	}
	if ((size_t)n < len)
		return ((size_t)n);
	return (drop_partial_tail(buf, len - 1));
}

/*
 * utf8: strict UTF-8 validation (RFC 3629): no overlong forms, no
 * surrogates, nothing above U+10FFFF, and no NUL bytes.
 */
#ifndef LEERLIJN_UTF8_H
#define LEERLIJN_UTF8_H

#include <stdarg.h>
#include <stddef.h>

/* 1 when the len bytes at s are valid UTF-8 without NUL, 0 otherwise. */
int	utf8_valid(const char *s, size_t len);

/* Number of code points in valid UTF-8 s of len bytes. */
size_t	utf8_length(const char *s, size_t len);

/*
 * The longest prefix of the len bytes at s that is at most max bytes and
 * ends on a character boundary: a multi-byte sequence that does not fit
 * whole is left out.  Returns its length in bytes.
 */
size_t	utf8_prefix(const char *s, size_t len, size_t max);

/*
 * Cut the NUL-terminated UTF-8 text s to at most max bytes on a character
 * boundary (writes the NUL).  Returns the new length.
 */
size_t	utf8_cut(char *s, size_t max);

/*
 * snprintf() into the buffer buf of len bytes (len > 0) for text that may
 * hold UTF-8: when the result does not fit, it is cut on a character
 * boundary, never inside one.  Returns the length written.  The one helper
 * for every bounded buffer that user text can reach.
 */
size_t	utf8_fmt(char *buf, size_t len, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
size_t	utf8_vfmt(char *buf, size_t len, const char *fmt, va_list ap)
	    __attribute__((format(printf, 3, 0)));

#endif

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
 * The length in bytes of the longest prefix of s (len bytes) that ends on
 * a character boundary and holds at most max_bytes bytes and at most
 * max_chars code points (SIZE_MAX: no limit).  Bytes that are not UTF-8
 * count as one character each, so the result never splits a valid
 * sequence.  Every bounded text of Leerlijn is cut with this.
 */
size_t	utf8_cut(const char *s, size_t len, size_t max_bytes,
	    size_t max_chars);

/*
 * snprintf() into the buffer buf of len bytes (len > 0) for text that may
 * hold UTF-8: when the result does not fit, it is cut with utf8_cut(),
 * never inside a character.  Returns the length written.  Every fixed
 * buffer that user text can reach is filled with this.
 */
size_t	utf8_fmt(char *buf, size_t len, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
size_t	utf8_vfmt(char *buf, size_t len, const char *fmt, va_list ap)
	    __attribute__((format(printf, 3, 0)));

#endif

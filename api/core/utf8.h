/*
 * utf8: strict UTF-8 validation (RFC 3629): no overlong forms, no
 * surrogates, nothing above U+10FFFF, and no NUL bytes.
 */
#ifndef LEERLIJN_UTF8_H
#define LEERLIJN_UTF8_H

#include <stddef.h>

/* 1 when the len bytes at s are valid UTF-8 without NUL, 0 otherwise. */
int	utf8_valid(const char *s, size_t len);

/* Number of code points in valid UTF-8 s of len bytes. */
size_t	utf8_length(const char *s, size_t len);

#endif

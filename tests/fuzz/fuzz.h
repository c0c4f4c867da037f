/*
 * fuzz: helpers of the libFuzzer harnesses (tests/fuzz/fuzz_*.c).  Each
 * harness feeds one parser or writer arbitrary bytes under ASan + UBSan
 * and checks what must hold for every input; a broken promise aborts.
 */
#ifndef LEERLIJN_FUZZ_H
#define LEERLIJN_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A NUL-terminated copy of the input (the caller frees it). */
static inline char *
fuzz_cstr(const uint8_t *data, size_t size)
{
	char	*s;

	if ((s = malloc(size + 1)) == NULL)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return (s);
}

/* Abort with a message when cond is false. */
#define FUZZ_ASSERT(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "fuzz: %s:%d: %s\n", __FILE__,		\
		    __LINE__, #cond);					\
		abort();						\
	}								\
} while (0)

/* Split s in place at NUL-free separators '\x1f' into at most max fields. */
static inline size_t
fuzz_fields(char *s, char **out, size_t max)
{
	size_t	n;
	char	*p;

	n = 0;
	out[n++] = s;
	for (p = s; *p != '\0' && n < max; p++) {
		if (*p == '\x1f') {
			*p = '\0';
			out[n++] = p + 1;
		}
	}
	return (n);
}

#endif

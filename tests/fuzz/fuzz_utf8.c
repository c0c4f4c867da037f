/* UTF-8 validation and the one cutting helper: a cut is never inside a
 * character, and valid text stays valid. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*s = (const char *)data;
	char		*z, buf[40];
	size_t		 max, n, k;
	int		 valid;

	valid = utf8_valid(s, size);
	if (valid)
		FUZZ_ASSERT(utf8_length(s, size) <= size);
	for (max = 0; max <= size && max < 48; max++) {
		n = utf8_cut(s, size, max, SIZE_MAX);
		FUZZ_ASSERT(n <= max && n <= size);
		if (valid) {
			FUZZ_ASSERT(utf8_valid(s, n));
			FUZZ_ASSERT(n == size || max - n < 4);
		}
		k = utf8_cut(s, size, SIZE_MAX, max);
		if (valid)
			FUZZ_ASSERT(utf8_valid(s, k) &&
			    utf8_length(s, k) <= max);
	}
	if (memchr(data, 0, size) == NULL) {
		z = fuzz_cstr(data, size);
		n = utf8_fmt(buf, sizeof(buf), "%s", z);
		FUZZ_ASSERT(n < sizeof(buf) && strlen(buf) == n);
		if (valid)
			FUZZ_ASSERT(utf8_valid(buf, n));
		free(z);
	}
	return (0);
}

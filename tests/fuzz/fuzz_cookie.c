/* The Cookie header reader. */
#include "fuzz.h"
#include "core/cookie.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*h, out[64], set[256];

	h = fuzz_cstr(data, size);
	if (cookie_get(h, "leerlijn_session", out, sizeof(out)) == 0) {
		FUZZ_ASSERT(strlen(out) < sizeof(out));
		(void)cookie_set_text(set, sizeof(set), "leerlijn_session",
		    out, 60, 1);
	}
	free(h);
	return (0);
}

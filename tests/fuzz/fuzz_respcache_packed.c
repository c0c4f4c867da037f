/*
 * A cache entry as another worker sends it (respcache_put_packed()): a
 * malformed buffer is refused without a read past its end, and a buffer
 * that is kept packs back to exactly itself.
 */
#include "fuzz.h"

#include "core/respcache.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct rc_entry	*e;
	unsigned char		*copy, *again;
	size_t			 len, klen;

	/* Its own copy, so that ASan sees any read past the end. */
	if ((copy = malloc(size > 0 ? size : 1)) == NULL)
		return (0);
	if (size > 0)
		memcpy(copy, data, size);
	respcache_init(1 << 20);
	respcache_generation(1);
	if (respcache_put_packed(copy, size) == 0) {
		/* The key follows the head of eight 64-bit fields. */
		FUZZ_ASSERT(size > 64);
		klen = strnlen((const char *)copy + 64, size - 64);
		FUZZ_ASSERT(klen < size - 64);
		FUZZ_ASSERT((e = respcache_get((const char *)copy + 64)) !=
		    NULL);
		FUZZ_ASSERT(e->status >= 100 && e->status <= 599);
		FUZZ_ASSERT((again = respcache_pack(e->key, &len)) != NULL);
		FUZZ_ASSERT(len == size && memcmp(again, copy, size) == 0);
		free(again);
	}
	respcache_free();
	free(copy);
	return (0);
}

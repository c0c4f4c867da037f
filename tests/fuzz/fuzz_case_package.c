/* The CASE package check: any JSON, every error text valid UTF-8. */
#include <jansson.h>

#include "fuzz.h"
#include "case/case_package.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct case_errors	*e;
	json_t			*pkg;
	json_error_t		 err;
	size_t			 i;

	if ((pkg = json_loadb((const char *)data, size, 0, &err)) == NULL)
		return (0);
	if ((e = calloc(1, sizeof(*e))) == NULL)
		abort();
	if (case_package_check(pkg, e) == 0)
		(void)case_package_prepare(pkg);
	FUZZ_ASSERT(e->n <= e->total);
	for (i = 0; i < e->n; i++) {
		FUZZ_ASSERT(utf8_valid(e->e[i].path, strlen(e->e[i].path)));
		FUZZ_ASSERT(utf8_valid(e->e[i].message,
		    strlen(e->e[i].message)));
	}
	free(e);
	json_decref(pkg);
	return (0);
}

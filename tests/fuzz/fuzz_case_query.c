/* The CASE provider's filter parser. */
#include <jansson.h>

#include "fuzz.h"
#include "case/case_query.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct case_filter	 f;
	json_t			*j;
	const char		*why;
	char			*s;

	s = fuzz_cstr(data, size);
	memset(&f, 0, sizeof(f));
	if (case_filter_parse(s, &f, &why) == 0) {
		FUZZ_ASSERT(f.n <= CASE_FILTER_TERMS);
		if ((j = case_filter_json(&f)) != NULL)
			json_decref(j);
	} else {
		FUZZ_ASSERT(why != NULL);
	}
	(void)case_document_field(s);
	free(s);
	return (0);
}

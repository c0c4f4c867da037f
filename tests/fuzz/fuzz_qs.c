/* The query string parser and the parameter checks behind it. */
#include "fuzz.h"
#include "core/params.h"
#include "core/qs.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct qs	 q;
	struct param_errors e;
	const char	*bad, *v;
	char		*raw;
	long		 limit, offset;

	raw = fuzz_cstr(data, size);
	memset(&q, 0, sizeof(q));
	memset(&e, 0, sizeof(e));
	if (qs_parse(&q, raw, &bad) == QS_OK) {
		(void)qs_first_unknown(&q, "limit,offset,goal,framework");
		param_paging(qs_get(&q, "limit"), qs_get(&q, "offset"), 50,
		    500, &limit, &offset, &e);
		if ((v = qs_get(&q, "goal")) != NULL) {
			/* Values are decoded, valid UTF-8 without NUL. */
			FUZZ_ASSERT(utf8_valid(v, strlen(v)));
			(void)param_is_uuid(v);
			(void)param_is_code(v, 64);
			(void)param_text_ok(v, 200);
		}
	}
	qs_free(&q);
	free(raw);
	return (0);
}

/* The plan exports (iCal and CSV) from any plan document. */
#include <time.h>

#include <jansson.h>

#include "fuzz.h"
#include "core/csv.h"
#include "core/strbuf.h"
#include "planning/plan_export.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strbuf	 a, b;
	json_t		*plan;
	json_error_t	 err;

	if ((plan = json_loadb((const char *)data, size, 0, &err)) == NULL)
		return (0);
	strbuf_init(&a);
	strbuf_init(&b);
	if (plan_export_ics(plan, NULL, (time_t)0, &a) == 0)
		FUZZ_ASSERT(a.len == 0 || utf8_valid(a.data, a.len));
	if (plan_export_csv(plan, (size & 2) ? CSV_SEMICOLON : 0, &b) == 0)
		FUZZ_ASSERT(b.len == 0 || utf8_valid(b.data, b.len));
	strbuf_free(&a);
	strbuf_init(&a);
	(void)plan_export_ics(plan, "00000000-0000-4000-a000-000000000001",
	    (time_t)1, &a);
	strbuf_free(&a);
	strbuf_free(&b);
	json_decref(plan);
	return (0);
}

/* The coverage reports (CSV and printable HTML) from any report document,
 * and the report's query parameters. */
#include <jansson.h>

#include "fuzz.h"
#include "core/csv.h"
#include "core/strbuf.h"
#include "coverage/coverage_report.h"

static const char *
lookup(const void *arg, const char *key)
{
	const json_t	*o = arg;

	return (json_string_value(json_object_get(o, key)));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct coverage_params	 p;
	struct param_errors	 e;
	struct strbuf		 a, b;
	json_t			*doc;
	json_error_t		 err;

	if ((doc = json_loadb((const char *)data, size, 0, &err)) == NULL)
		return (0);
	memset(&p, 0, sizeof(p));
	memset(&e, 0, sizeof(e));
	(void)coverage_params_parse(lookup, json_object_get(doc, "params"),
	    (int)(size & 1), &p, &e);
	strbuf_init(&a);
	strbuf_init(&b);
	if (coverage_csv(doc, (size & 2) ? CSV_SEMICOLON : 0, &a) == 0)
		FUZZ_ASSERT(a.len == 0 || utf8_valid(a.data, a.len));
	if (coverage_html(doc, "/coverage-report.css", &b) == 0)
		FUZZ_ASSERT(b.len == 0 || utf8_valid(b.data, b.len));
	strbuf_free(&a);
	strbuf_free(&b);
	json_decref(doc);
	return (0);
}

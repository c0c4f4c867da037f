/* The iCalendar writer: lines of at most 75 octets, never a character
 * split, CRLF only, valid UTF-8 when the input was. */
#include "fuzz.h"
#include "core/ical.h"
#include "core/strbuf.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strbuf		 out;
	struct ical_event	 ev;
	const char		*cats[3];
	char			*s, *f[6];
	size_t			 n, i, col;
	int			 valid;

	s = fuzz_cstr(data, size);
	valid = utf8_valid(s, strlen(s));
	n = fuzz_fields(s, f, 6);
	for (i = n; i < 6; i++)
		f[i] = "";
	memset(&ev, 0, sizeof(ev));
	ev.uid = f[0][0] != '\0' ? f[0] : "x@leerlijn";
	ev.dtstamp = 0;
	ev.start.year = 2026;
	ev.start.month = 1 + (int)(size % 12);
	ev.start.day = 1 + (int)(size % 28);
	ev.days = 1 + (int)(size % 5);
	ev.sequence = (long)size - 3;
	ev.summary = f[1];
	ev.description = f[2];
	ev.location = f[3];
	ev.status = "CONFIRMED";
	cats[0] = f[4];
	cats[1] = f[5];
	cats[2] = NULL;
	ev.categories = cats;
	strbuf_init(&out);
	if (ical_begin(&out, "-//Leerlijn//Fuzz//NL", f[1]) == 0 &&
	    ical_event(&out, &ev) == 0 && ical_end(&out) == 0) {
		for (i = 0, col = 0; i < out.len; i++) {
			if (out.data[i] == '\r') {
				FUZZ_ASSERT(i + 1 < out.len &&
				    out.data[i + 1] == '\n');
				col = 0;
				i++;
				continue;
			}
			FUZZ_ASSERT(out.data[i] != '\n');
			FUZZ_ASSERT(++col <= 75);
		}
		if (valid)
			FUZZ_ASSERT(utf8_valid(out.data, out.len));
	}
	strbuf_free(&out);
	free(s);
	return (0);
}

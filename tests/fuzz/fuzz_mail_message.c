/* The e-mail text: an address that passes the check can never inject a
 * header; the message has CRLF lines of at most 998 octets. */
#include <time.h>

#include "fuzz.h"
#include "accounts/mail_message.h"
#include "core/strbuf.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strbuf	 out;
	char		*s, *f[3];
	size_t		 n, i, col;
	const char	*head;

	s = fuzz_cstr(data, size);
	n = fuzz_fields(s, f, 3);
	for (i = n; i < 3; i++)
		f[i] = "";
	strbuf_init(&out);
	if (mail_message(&out, "noreply@leerlijn.invalid", f[0], f[1], f[2],
	    (time_t)0) == 0) {
		FUZZ_ASSERT(mail_address_ok(f[0]));
		FUZZ_ASSERT(strpbrk(f[0], "\r\n") == NULL);
		head = strstr(out.data, "\r\n\r\n");
		FUZZ_ASSERT(head != NULL);
		for (i = 0, col = 0; i < out.len; i++) {
			if (out.data[i] == '\n') {
				FUZZ_ASSERT(i > 0 && out.data[i - 1] == '\r');
				col = 0;
			} else {
				FUZZ_ASSERT(++col <= 998);
			}
		}
	}
	strbuf_free(&out);
	free(s);
	return (0);
}

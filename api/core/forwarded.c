/*
 * forwarded: the client's address behind trusted reverse proxies.
 */
#include <arpa/inet.h>

#include <stdio.h>
#include <string.h>

#include "core/forwarded.h"

void
forwarded_client(const struct settings *s, const char *peer,
    const char *xff, char *out, size_t len)
{
	struct in6_addr	 a;
	const char	*end, *seg, *start;
	char		 one[64];
	size_t		 n;

	(void)snprintf(out, len, "%s", peer);
	if (xff == NULL || !settings_proxy_trusted(s, peer))
		return;
	/* From the right: each hop appended the address it saw. */
	end = xff + strlen(xff);
	for (;;) {
		seg = end;
		while (seg > xff && seg[-1] != ',')
			seg--;
		start = seg;
		while (start < end && (*start == ' ' || *start == '\t'))
			start++;
		n = (size_t)(end - start);
		while (n > 0 && (start[n - 1] == ' ' || start[n - 1] == '\t'))
			n--;
		if (n == 0 || n >= sizeof(one))
			return;
		memcpy(one, start, n);
		one[n] = '\0';
		if (inet_pton(AF_INET, one, &a) != 1 &&
		    inet_pton(AF_INET6, one, &a) != 1)
			return;
		if (!settings_proxy_trusted(s, one)) {
			(void)snprintf(out, len, "%s", one);
			return;
		}
		/* Another trusted proxy: one hop further left, if any. */
		if (seg == xff)
			return;
		end = seg - 1;
	}
}

/*
 * etag: versions as entity tags.
 */
#include <stdio.h>
#include <string.h>

#include "etag.h"

int
etag_parse(const char *v, long *version)
{
	size_t	len, i;
	long	n;

	if (v == NULL)
		return (-1);
	while (*v == ' ' || *v == '\t')
		v++;
	if (strncmp(v, "W/", 2) == 0)
		v += 2;
	len = strlen(v);
	while (len > 0 && (v[len - 1] == ' ' || v[len - 1] == '\t'))
		len--;
	if (len < 3 || len > 12 || v[0] != '"' || v[len - 1] != '"' ||
	    v[1] == '0')
		return (-1);
	for (i = 1, n = 0; i < len - 1; i++) {
		if (v[i] < '0' || v[i] > '9')
			return (-1);
		n = n * 10 + (v[i] - '0');
	}
	if (n < 1 || n > 2147483647L)
		return (-1);
	*version = n;
	return (0);
}

void
etag_format(long version, char *buf, size_t len)
{
	(void)snprintf(buf, len, "\"%ld\"", version);
}

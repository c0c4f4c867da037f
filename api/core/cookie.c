/*
 * cookie: one cookie from a Cookie header; the session's Set-Cookie.
 */
#include <stdio.h>
#include <string.h>

#include "core/cookie.h"

int
cookie_get(const char *header, const char *name, char *out, size_t outlen)
{
	const char	*p, *end, *eq;
	size_t		 nlen, vlen;

	nlen = strlen(name);
	p = header;
	while (*p != '\0') {
		while (*p == ' ' || *p == '\t' || *p == ';')
			p++;
		if ((end = strchr(p, ';')) == NULL)
			end = p + strlen(p);
		eq = memchr(p, '=', (size_t)(end - p));
		if (eq != NULL && (size_t)(eq - p) == nlen &&
		    memcmp(p, name, nlen) == 0) {
			vlen = (size_t)(end - eq - 1);
			while (vlen > 0 && (eq[vlen] == ' ' ||
			    eq[vlen] == '\t'))
				vlen--;
			if (vlen + 1 > outlen)
				return (-1);
			memcpy(out, eq + 1, vlen);
			out[vlen] = '\0';
			return (0);
		}
		p = end;
	}
	return (-1);
}

int
cookie_set_text(char *out, size_t outlen, const char *name,
    const char *value, long max_age, int secure)
{
	int	n;

	n = snprintf(out, outlen, "%s=%s; Path=/; Max-Age=%ld; HttpOnly; "
	    "SameSite=Strict%s", name, value, max_age,
	    secure ? "; Secure" : "");
	return (n < 0 || (size_t)n >= outlen ? -1 : 0);
}

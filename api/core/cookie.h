/*
 * cookie: read one cookie from a Cookie header and write the Set-Cookie
 * value of the session cookie.  Plain C.
 */
#ifndef LEERLIJN_COOKIE_H
#define LEERLIJN_COOKIE_H

#include <stddef.h>

#define SESSION_COOKIE	"leerlijn_session"

/*
 * Copy the value of cookie name from header (the Cookie request header)
 * into out.  Returns 0, or -1 when it is absent or does not fit.
 */
int	cookie_get(const char *header, const char *name, char *out,
	    size_t outlen);
/*
 * Write the Set-Cookie value for name=value (HttpOnly, SameSite=Strict,
 * Path=/, Max-Age=max_age, Secure when secure) into out; value "" with
 * max_age 0 clears it.  Returns 0, or -1 when out is too small.
 */
int	cookie_set_text(char *out, size_t outlen, const char *name,
	    const char *value, long max_age, int secure);

#endif

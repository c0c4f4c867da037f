/*
 * forwarded: the client's address behind the reverse proxies the
 * configuration trusts (LEERLIJN_TRUSTED_PROXIES).
 */
#ifndef LEERLIJN_FORWARDED_H
#define LEERLIJN_FORWARDED_H

#include <stddef.h>

#include "core/settings.h"

/*
 * The address to throttle and audit by, into out: peer itself unless
 * peer is a trusted proxy; then the rightmost address of xff (the
 * X-Forwarded-For header, may be NULL) that is not a trusted proxy, each
 * proxy having appended the address it saw.  Anything else a client put
 * into the header is never believed: an entry that is no IP address ends
 * the walk and peer is used.
 */
void	forwarded_client(const struct settings *s, const char *peer,
	    const char *xff, char *out, size_t len);

#endif

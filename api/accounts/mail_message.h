/*
 * mail_message: the text of an e-mail (RFC 5322, MIME, UTF-8) and the
 * invitation mails.  Plain C: no Kore, no libcurl, no libpq.
 */
#ifndef LEERLIJN_MAIL_MESSAGE_H
#define LEERLIJN_MAIL_MESSAGE_H

#include <time.h>

#include "core/strbuf.h"

/*
 * 1 when addr is one plain address that may go into a header and an SMTP
 * command: no white space, no control characters, no <>(),;:"\ and one @
 * with text on both sides.
 */
int	mail_address_ok(const char *addr);

/*
 * Append the whole message to out: headers (Subject as an RFC 2047
 * encoded word), a text/plain UTF-8 body in base64.  0, or -1 for a bad
 * address or out of memory.
 */
int	mail_message(struct strbuf *out, const char *from, const char *to,
	    const char *subject, const char *body, time_t now);

/* What an invitation mail says. */
struct mail_invitation {
	const char	*display_name;	/* the person invited */
	const char	*school_name;	/* NULL: no membership offered */
	const char	*role;		/* "teacher" | "coordinator" | NULL */
	int		 has_password;	/* the account has one already */
	const char	*link;		/* where to accept */
	const char	*expires;	/* "2026-12-14" */
};

/* Subject and body (Dutch) of an invitation into subject and body. */
int	mail_invitation_text(const struct mail_invitation *inv,
	    struct strbuf *subject, struct strbuf *body);

#endif

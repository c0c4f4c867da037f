/*
 * accounts_change: the steps that the account writers share (schools,
 * people, invitations, passwords) on top of the one write path
 * (http/write.c): a change with its body, If-Match and invitation token;
 * its end; and the invitation mail that follows a commit.
 */
#ifndef LEERLIJN_ACCOUNTS_CHANGE_H
#define LEERLIJN_ACCOUNTS_CHANGE_H

#include <stddef.h>

#include <jansson.h>

#include "accounts/session_token.h"
#include "core/json_fields.h"
#include "core/status.h"
#include "db/db.h"
#include "http/api.h"
#include "http/write.h"

/* One write: a checked body, its text, and what PostgreSQL answered. */
struct account_change {
	json_t	*body;
	char	*doc;		/* body as JSON text */
	char	*json;		/* the answer */
	char	 version[16];	/* If-Match ("" without) */
	char	 token[TOKEN_TEXT_LEN + 1];
	char	 hash[TOKEN_HASH_HEX_LEN + 1];
};

#define CHANGE_TOKEN	0x01	/* an invitation token for the change */
#define CHANGE_IF_MATCH	0x02	/* an optional If-Match into version */

/* Free a change (the token and its hash are wiped); accepts a half-built one. */
void	account_change_free(struct account_change *w);
/*
 * The first steps of a write: If-Match (flags CHANGE_IF_MATCH), the body
 * against t, BEGIN, and a new invitation token (CHANGE_TOKEN).  0, or -1
 * after replying.
 */
int	account_change_start(struct api_ctx *ctx, struct account_change *w,
	    const struct field_table *t, int mode, int flags);
/*
 * The end of a write whose statement returned rc and w->json: commit,
 * mail the invitation of a change with a token (CHANGE_TOKEN), and reply
 * s with the document (Location under location; flags: DONE_ETAG its
 * ETag, DONE_NO_TOKEN without the token), or roll back and reply the
 * refusal (404 missing).
 */
#define DONE_ETAG	0x01
#define DONE_NO_TOKEN	0x02
void	account_change_done(struct api_ctx *ctx, struct account_change *w,
	    enum db_result rc, const char *missing,
	    const struct write_names *names, enum app_status s,
	    const char *location, int flags);
/* The end of a delete: 204, or 404 with not_found when nothing was there. */
void	account_end_delete(struct api_ctx *ctx, enum db_result rc,
	    const int *removed, const char *not_found);
/*
 * Reply s with the document of a write; with a token, add it to the
 * member "invitation" of the document; Location under location_base.
 * Consumes doc.
 */
void	account_reply_doc(struct api_ctx *ctx, struct account_change *w,
	    json_t *doc, enum app_status s, const char *location_base);
/* The web page's address that accepts the invitation of token. */
void	account_invitation_link(const char *token, char *buf, size_t len);
/*
 * After the commit: mail the invitation of w->token to its address when a
 * relay is configured (a mail that cannot be queued is logged).
 */
void	account_mail_invitation(struct account_change *w);

#endif

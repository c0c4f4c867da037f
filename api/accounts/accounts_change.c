/*
 * accounts_change: the shared steps of the account writers (see
 * accounts_change.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <kore/kore.h>
#include <kore/http.h>

#include <sodium.h>

#include "http/applog.h"
#include "accounts/accounts_change.h"
#include "accounts/accounts_db.h"
#include "accounts/auth_db.h"
#include "http/handlers.h"
#include "core/json_fields.h"
#include "core/params.h"
#include "accounts/mail.h"
#include "accounts/mail_message.h"
#include "accounts/password.h"
#include "accounts/password_task.h"
#include "core/problem.h"
#include "core/settings.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "http/reply.h"
#include "http/write.h"
#include "accounts/session_token.h"

void
account_change_free(struct account_change *w)
{
	json_decref(w->body);
	free(w->doc);
	free(w->json);
	sodium_memzero(w, sizeof(*w));
}

/* The web page's address that accepts the invitation of token. */
void
account_invitation_link(const char *token, char *buf, size_t len)
{
	(void)utf8_fmt(buf, len, "%s/#/uitnodiging/%s",
	    settings_current()->base_url, token);
}

/*
 * After the commit: mail the invitation of w->token to its address when a
 * relay is configured.  A mail that cannot be queued is logged; the
 * invitation stays and an admin can hand out a new link.
 */
void
account_mail_invitation(struct account_change *w)
{
	struct mail_invitation	 inv;
	struct strbuf		 subject, body, msg;
	json_t			*doc;
	json_error_t		 jerr;
	char			*json, link[SETTINGS_STR_MAX + 64];
	char			 expires[11];
	const char		*to;

	if (!mail_enabled())
		return;
	json = NULL;
	doc = NULL;
	strbuf_init(&subject);
	strbuf_init(&body);
	strbuf_init(&msg);
	if (db_invitation_mail(w->hash, &json) != DB_OK || json == NULL ||
	    (doc = json_loads(json, 0, &jerr)) == NULL)
		goto fail;
	memset(&inv, 0, sizeof(inv));
	account_invitation_link(w->token, link, sizeof(link));
	(void)utf8_fmt(expires, sizeof(expires), "%s", json_string_value(
	    json_object_get(doc, "expires_at")));
	to = json_string_value(json_object_get(doc, "to"));
	inv.display_name = json_string_value(json_object_get(doc,
	    "display_name"));
	inv.school_name = json_string_value(json_object_get(doc,
	    "school_name"));
	inv.role = json_string_value(json_object_get(doc, "role"));
	inv.has_password = json_is_true(json_object_get(doc, "has_password"));
	inv.link = link;
	inv.expires = expires;
	if (to == NULL || inv.display_name == NULL ||
	    mail_invitation_text(&inv, &subject, &body) == -1 ||
	    mail_message(&msg, settings_current()->mail_from, to,
	    subject.data, body.data, time(NULL)) == -1 ||
	    mail_queue(to, msg.data, msg.len) == -1)
		goto fail;
	goto out;
fail:
	applog(LOG_LVL_ERROR, "invitation mail not queued");
out:
	if (msg.data != NULL)
		sodium_memzero(msg.data, msg.len);
	if (body.data != NULL)
		sodium_memzero(body.data, body.len);
	strbuf_free(&subject);
	strbuf_free(&body);
	strbuf_free(&msg);
	json_decref(doc);
	free(json);
}

/*
 * The first steps of a write: If-Match (flags CHANGE_IF_MATCH), the body
 * against t, BEGIN, and a new invitation token (CHANGE_TOKEN).  0, or -1
 * after replying.
 */
int
account_change_start(struct api_ctx *ctx, struct account_change *w,
    const struct field_table *t, int mode, int flags)
{
	memset(w, 0, sizeof(*w));
	if (((flags & CHANGE_IF_MATCH) && api_if_match(ctx, w->version,
	    sizeof(w->version)) == -1) ||
	    write_body(ctx, t->specs, t->n, mode, &w->body, &w->doc) == -1 ||
	    write_begin(ctx) == -1)
		return (-1);
	if (flags & CHANGE_TOKEN) {
		token_new(w->token);
		token_hash_hex(w->token, w->hash);
	}
	return (0);
}

/*
 * The end of a write whose statement returned rc and w->json: commit,
 * mail an invitation, and reply s with the document (Location under
 * location, its ETag when
 * etag), or roll back and reply the refusal (404 missing).
 */
void
account_change_done(struct api_ctx *ctx, struct account_change *w, enum db_result rc,
    const char *missing, const struct write_names *names, enum app_status s,
    const char *location, int flags)
{
	json_t	*doc;

	if (write_end_doc(ctx, rc, w->json, missing, names, &doc) == -1)
		return;
	if (flags & DONE_ETAG)
		write_etag(ctx, doc);
	if (w->token[0] != '\0')
		account_mail_invitation(w);
	if (flags & DONE_NO_TOKEN)
		w->token[0] = '\0';
	account_reply_doc(ctx, w, doc, s, location);
}

/*
 * The end of a delete: 204, or 404 with not_found when there was nothing
 * to delete (*removed is read after the statement ran).
 */
void
account_end_delete(struct api_ctx *ctx, enum db_result rc, const int *removed,
    const char *not_found)
{
	if (write_end(ctx, rc, rc != DB_OK || *removed, not_found, NULL) ==
	    -1)
		return;
	reply_json(ctx->req, ST_NO_CONTENT, NULL);
}

/*
 * Reply s with the document of a write; with a token, add it to the
 * member "invitation" of the document; Location under location_base.
 * Consumes doc.
 */
void
account_reply_doc(struct api_ctx *ctx, struct account_change *w, json_t *doc,
    enum app_status s, const char *location_base)
{
	json_t		*inv;
	const char	*id;

	if (w->token[0] != '\0' &&
	    (inv = json_object_get(doc, "invitation")) != NULL &&
	    json_is_object(inv))
		json_object_set_new(inv, "token", json_string(w->token));
	if ((id = json_string_value(json_object_get(doc, "id"))) == NULL)
		id = json_string_value(json_object_get(json_object_get(doc,
		    "user"), "id"));
	api_location(ctx, location_base, id);
	reply_json(ctx->req, s, doc);
}


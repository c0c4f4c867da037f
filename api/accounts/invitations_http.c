/*
 * invitations_http: invitations and passwords.
 *
 *   POST  /api/v1/users/{id}/invitation  a new invitation (password reset)
 *   POST  /api/v1/invitation           accept one: choose a password
 *   POST  /api/v1/me/memberships       accept a membership, logged in
 *   GET   /api/v1/invitations          pending invitations (admin)
 *   POST  /api/v1/invitations/{id}/link  a new link for one (admin)
 *   PUT   /api/v1/me/password          change one's own password
 *
 * An invitation reaches its address by e-mail (mail.c, after the commit);
 * only an admin ever sees a token in an answer, so an account belongs to
 * whoever reads its address's mail.  Passwords are hashed in a task
 * (password_task.c), never on the worker's event loop.
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

static const struct field_spec	accept_fields[] = {
	FIELD("token",		FT_STRING, 1, 0, 64, 0, NULL),
};
static const char *const	accept_secrets[] = { "password" };

static const struct field_spec	membership_accept_fields[] = {
	FIELD("token",		FT_STRING, 1, 0, 64, 0, NULL),
};
static const struct field_table	membership_accept_body =
				    FIELD_TABLE(membership_accept_fields);

static const char *const	password_secrets[] = { "current_password",
				    "new_password" };

/*
 * A write that makes a new token for the row {id} with make: 404 with
 * not_found when nothing was there, else commit, mail the invitation and
 * answer 201 with the document plus the token (and, with with_link, its
 * link).  Only admins reach this: nobody else ever sees a token.
 */
static void
token_write(struct api_ctx *ctx, enum db_result (*make)(const char *,
    const char *, char **), const char *not_found, int with_link)
{
	struct account_change	 w;
	json_t		*doc;
	const char	*id;
	enum db_result	 rc;
	char		 link[SETTINGS_STR_MAX + 64];

	memset(&w, 0, sizeof(w));
	if ((id = api_path_uuid(ctx, "id", not_found)) == NULL ||
	    write_begin(ctx) == -1)
		goto out;
	token_new(w.token);
	token_hash_hex(w.token, w.hash);
	rc = make(id, w.hash, &w.json);
	if (write_end_doc(ctx, rc, w.json, not_found, NULL, &doc) == -1)
		goto out;
	account_mail_invitation(&w);
	json_object_set_new(doc, "token", json_string(w.token));
	if (with_link) {
		account_invitation_link(w.token, link, sizeof(link));
		json_object_set_new(doc, "link", json_string(link));
		json_object_set_new(doc, "mailed", json_boolean(
		    mail_enabled()));
	}
	reply_json(ctx->req, ST_CREATED, doc);
out:
	account_change_free(&w);
}

void
api_user_invite(struct api_ctx *ctx)
{
	token_write(ctx, db_user_invite, "Deze gebruiker bestaat niet.", 0);
}

void
api_invitation_link(struct api_ctx *ctx)
{
	token_write(ctx, db_invitation_renew, "Deze uitnodiging bestaat "
	    "niet.", 1);
}

void
api_invitations_list(struct api_ctx *ctx)
{
	char	*json;

	api_reply_read(ctx, db_invitations_list(&json), &json,
	    "Geen uitnodigingen.");
}

/* 422 naming field with the policy's reason. */
static void
reply_policy(struct api_ctx *ctx, const char *field, const char *why)
{
	api_reply_field(ctx, ST_UNPROCESSABLE, why, field, why);
}

/*
 * The new password pw hashed into hash (PASSWORD_HASH_MAX bytes, off the
 * event loop), then BEGIN: 0, or -1 when the handler must return (the
 * hash is being made, or it replied).
 */
static int
hash_and_begin(struct api_ctx *ctx, const char *pw, char *hash)
{
	int	ok;

	if (api_password_wait(ctx, pw_task_hash(ctx->req, pw, hash, &ok)) ==
	    -1)
		return (-1);
	if (!ok) {
		reply_problem(ctx->req, ST_INTERNAL, NULL);
		return (-1);
	}
	return (write_begin(ctx));
}

void
api_invitation_accept(struct api_ctx *ctx)
{
	json_t			*doc;
	struct account_change		 w;
	struct invitation_facts	 f;
	const char		*token, *pw, *why;
	char			 pwhash[PASSWORD_HASH_MAX];
	enum db_result		 rc;

	memset(&w, 0, sizeof(w));
	memset(pwhash, 0, sizeof(pwhash));
	if (api_json_fields_secrets(ctx, accept_fields,
	    NFIELDS(accept_fields), FIELD_CREATE, accept_secrets, 1, &pw,
	    &w.body) == -1)
		goto out;
	token = json_string_value(json_object_get(w.body, "token"));
	if (!token_valid(token)) {
		reply_policy(ctx, "token", "Deze uitnodiging bestaat niet "
		    "(meer) of is verlopen.");
		goto out;
	}
	token_hash_hex(token, w.hash);
	if ((rc = db_invitation_lookup(w.hash, &f)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		goto out;
	}
	if (!f.found) {
		reply_policy(ctx, "token", "Deze uitnodiging bestaat niet "
		    "(meer) of is verlopen.");
		goto out;
	}
	if (!f.needs_password) {
		reply_policy(ctx, "password", "Dit account heeft al een "
		    "wachtwoord: log in en neem de uitnodiging aan zonder "
		    "wachtwoord.");
		goto out;
	}
	/* The address (and its local part) is no password. */
	if ((why = password_policy(pw, f.email)) != NULL) {
		reply_policy(ctx, "password", why);
		goto out;
	}
	if (hash_and_begin(ctx, pw, pwhash) == -1)
		goto out;
	rc = db_invitation_accept(w.hash, pwhash, NULL, &w.json);
	if (write_end_doc(ctx, rc, w.json, NULL, NULL, &doc) == -1)
		goto out;
	applog(LOG_LVL_INFO, "password chosen for user %s; its sessions "
	    "ended", f.user_id);
	account_reply_doc(ctx, &w, doc, ST_OK, NULL);
out:
	sodium_memzero(pwhash, sizeof(pwhash));
	account_change_free(&w);
}

void
api_me_membership_accept(struct api_ctx *ctx)
{
	struct account_change	 w;
	const char	*token;

	if (account_change_start(ctx, &w, &membership_accept_body, FIELD_CREATE,
	    0) == -1)
		goto out;
	token = json_string_value(json_object_get(w.body, "token"));
	if (!token_valid(token)) {
		db_rollback();
		reply_policy(ctx, "token", "Deze uitnodiging bestaat niet "
		    "(meer) of is verlopen.");
		goto out;
	}
	token_hash_hex(token, w.hash);
	account_change_done(ctx, &w, db_invitation_accept(w.hash, NULL,
	    ctx->who.user_id, &w.json), NULL, NULL, ST_OK, NULL, 0);
out:
	account_change_free(&w);
}

void
api_me_password(struct api_ctx *ctx)
{
	struct account_change	 w;
	const char	*pws[2], *cur, *pw, *why;
	char		 hash[PASSWORD_HASH_MAX], email[256];
	char		 address[64];
	enum db_result	 rc;
	int		 ok;

	memset(&w, 0, sizeof(w));
	if (api_json_fields_secrets(ctx, NULL, 0, FIELD_CREATE,
	    password_secrets, 2, pws, &w.body) == -1)
		goto out;
	cur = pws[0];
	pw = pws[1];
	if ((rc = db_password_hash_of(ctx->who.user_id, hash, sizeof(hash),
	    email, sizeof(email))) != DB_OK) {
		api_reply_db_error(ctx, rc);
		goto out;
	}
	/* Guessing the current password counts as failed logins. */
	if (api_login_allowed(ctx, email, address, sizeof(address)) == -1) {
		goto out;
	}
	if (api_password_wait(ctx, pw_task_verify(ctx->req, hash[0] ? hash :
	    NULL, cur, &ok)) == -1) {
		goto out;
	}
	if (!ok) {
		(void)db_login_failed(email, address[0] ? address : NULL);
		reply_policy(ctx, "current_password", "Het huidige "
		    "wachtwoord klopt niet.");
		goto out;
	}
	if ((why = password_policy(pw, email)) != NULL) {
		reply_policy(ctx, "new_password", why);
		goto out;
	}
	if (hash_and_begin(ctx, pw, hash) == -1)
		goto out;
	rc = db_password_set(ctx->who.user_id, ctx->who.session_id,
	    hash);
	if (write_end(ctx, rc, 1, NULL, NULL) == -1)
		goto out;
	applog(LOG_LVL_INFO, "password changed for user %s", ctx->who.user_id);
	reply_json(ctx->req, ST_NO_CONTENT, NULL);
out:
	sodium_memzero(hash, sizeof(hash));
	account_change_free(&w);
}


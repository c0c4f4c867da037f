/*
 * h_session: logging in and out, and who am I.
 *
 *   POST   /api/v1/session   {email, password} -> 201 with the token
 *   DELETE /api/v1/session   ends the session of the request
 *   GET    /api/v1/me        the user, roles, memberships (+ csrf_token)
 *
 * A login answers with the token in the body (for Authorization: Bearer)
 * and in an HttpOnly, SameSite=Strict cookie (Secure when the base URL is
 * https), plus the CSRF token that cookie-authenticated writes send in
 * X-CSRF-Token.  Failed logins are throttled per account and per client
 * address (429 + Retry-After); an unknown account costs the same argon2id
 * verification as a known one.  Neither passwords nor tokens are logged.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include <sodium.h>

#include "http/applog.h"
#include "core/cookie.h"
#include "accounts/auth_db.h"
#include "http/handlers.h"
#include "core/json_fields.h"
#include "accounts/password.h"
#include "accounts/password_task.h"
#include "http/reply.h"
#include "accounts/session_token.h"
#include "core/settings.h"


static const struct field_spec	login_fields[] = {
	FIELD("email",	FT_STRING, 1, 0, 254, 0, NULL),
};
static const char *const	login_secrets[] = { "password" };

static int
secure_cookie(void)
{
	return (strncmp(settings_current()->base_url, "https:", 6) == 0);
}

static void
set_cookie(struct api_ctx *ctx, const char *value, long max_age)
{
	char	text[256];

	if (cookie_set_text(text, sizeof(text), SESSION_COOKIE, value,
	    max_age, secure_cookie()) == 0)
		http_response_header(ctx->req, "set-cookie", text);
}

/* Lowercase copy of an e-mail address; -1 when it does not fit. */
static int
normalize_email(const char *in, char *out, size_t len)
{
	size_t	i, n;

	n = strlen(in);
	if (n + 1 > len)
		return (-1);
	for (i = 0; i < n; i++)
		out[i] = (char)tolower((unsigned char)in[i]);
	out[n] = '\0';
	return (0);
}

int
api_login_allowed(struct api_ctx *ctx, const char *email, char *address,
    size_t len)
{
	enum db_result	rc;
	int		wait;

	api_client_address(ctx, address, len);
	if ((rc = db_login_wait(email, address[0] ? address : NULL,
	    &wait)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		return (-1);
	}
	if (wait > 0) {
		applog(LOG_LVL_INFO, "login throttled for %s", address);
		api_reply_throttled(ctx, wait);
		return (-1);
	}
	return (0);
}

void
api_session_create(struct api_ctx *ctx)
{
	struct login_account	 acc;
	json_t			*body, *doc;
	json_error_t		 jerr;
	char			 email[256], address[64];
	char			 token[TOKEN_TEXT_LEN + 1], csrf[TOKEN_TEXT_LEN + 1];
	char			 hash[TOKEN_HASH_HEX_LEN + 1];
	char			 newhash[PASSWORD_HASH_MAX];
	char			*json;
	const char		*pw;
	enum db_result		 rc;
	int			 ok, rehash;

	body = doc = NULL;
	json = NULL;
	memset(token, 0, sizeof(token));
	if (api_json_fields_secrets(ctx, login_fields, 1, FIELD_CREATE,
	    login_secrets, 1, &pw, &body) == -1) {
		goto out;
	}
	if (normalize_email(json_string_value(json_object_get(body, "email")),
	    email, sizeof(email)) == -1) {
		reply_problem(ctx->req, ST_UNPROCESSABLE, NULL);
		goto out;
	}
	if (api_login_allowed(ctx, email, address, sizeof(address)) == -1) {
		goto out;
	}
	if ((rc = db_login_account(email, &acc)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		goto out;
	}
	/* Always one argon2id verification: the same time either way. */
	if (api_password_wait(ctx, pw_task_verify(ctx->req, acc.found &&
	    acc.has_password ? acc.password_hash : NULL, pw, &ok)) == -1) {
		goto out;
	}
	if (!ok || acc.disabled) {
		if ((rc = db_login_failed(email, address[0] ? address :
		    NULL)) != DB_OK) {
			api_reply_db_error(ctx, rc);
			goto out;
		}
		applog(LOG_LVL_INFO, "failed login from %s", address);
		api_reply_unauthorized(ctx, "E-mailadres of wachtwoord klopt "
		    "niet.");
		goto out;
	}

	/* A hash made with older parameters is made again, also off the loop. */
	rehash = 0;
	if (password_needs_rehash(acc.password_hash)) {
		if (api_password_wait(ctx, pw_task_hash(ctx->req, pw, newhash,
		    &rehash)) == -1) {
			goto out;
		}
	}
	token_new(token);
	token_hash_hex(token, hash);
	db_set_actor(acc.id);
	if ((rc = db_begin()) != DB_OK) {
		api_reply_db_error(ctx, rc);
		goto out;
	}
	if (rehash && (rc = db_password_rehash(acc.id, newhash)) != DB_OK) {
		db_rollback();
		api_reply_db_error(ctx, rc);
		goto out;
	}
	if ((rc = db_session_open(acc.id, hash, address[0] ? address : NULL,
	    &json)) != DB_OK || json == NULL || (rc = db_commit()) != DB_OK) {
		db_rollback();
		api_reply_db_error(ctx, rc);
		goto out;
	}
	if ((doc = json_loads(json, 0, &jerr)) == NULL) {
		reply_problem(ctx->req, ST_INTERNAL, NULL);
		goto out;
	}
	token_csrf(token, csrf);
	json_object_set_new(doc, "token", json_string(token));
	json_object_set_new(doc, "token_type", json_string("Bearer"));
	json_object_set_new(doc, "csrf_token", json_string(csrf));
	/* The cookie lives as long as the session may (from PostgreSQL). */
	set_cookie(ctx, token, (long)json_integer_value(json_object_get(doc,
	    "lifetime_seconds")));
	http_response_header(ctx->req, "location", "/api/v1/me");
	reply_json(ctx->req, ST_CREATED, doc);
	doc = NULL;
out:
	sodium_memzero(token, sizeof(token));
	json_decref(doc);
	json_decref(body);
	free(json);
}

void
api_session_delete(struct api_ctx *ctx)
{
	enum db_result	rc;
	int		closed;

	if ((rc = db_begin()) != DB_OK ||
	    (rc = db_session_close(ctx->who.session_id, &closed)) != DB_OK ||
	    (rc = db_commit()) != DB_OK) {
		db_rollback();
		api_reply_db_error(ctx, rc);
		return;
	}
	set_cookie(ctx, "", 0);
	reply_json(ctx->req, ST_NO_CONTENT, NULL);
}

void
api_me_get(struct api_ctx *ctx)
{
	json_t		*doc;
	json_error_t	 jerr;
	char		*json;
	enum db_result	 rc;

	doc = NULL;
	json = NULL;
	if ((rc = db_me(ctx->who.user_id, &json)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		goto out;
	}
	if (json == NULL || (doc = json_loads(json, 0, &jerr)) == NULL) {
		reply_problem(ctx->req, ST_INTERNAL, NULL);
		goto out;
	}
	/* A page that has only the cookie gets its CSRF token here. */
	if (ctx->who.via_cookie)
		json_object_set_new(doc, "csrf_token",
		    json_string(ctx->who.csrf_token));
	reply_json(ctx->req, ST_OK, doc);
	doc = NULL;
out:
	json_decref(doc);
	free(json);
}

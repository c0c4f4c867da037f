/*
 * h_accounts: schools, people, invitations and the audit log.
 *
 *   GET   /api/v1/schools              the schools the user may read
 *   POST  /api/v1/schools              (admin)
 *   GET   /api/v1/schools/{id}         PATCH (admin; If-Match optional)
 *   GET   /api/v1/schools/{id}/members            (coordinator, admin)
 *   POST  /api/v1/schools/{id}/teachers           invite or add a teacher
 *   DELETE /api/v1/schools/{id}/teachers/{user}   remove a teacher
 *   GET|POST /api/v1/users, GET|PATCH|DELETE /api/v1/users/{id} (admin)
 *   POST  /api/v1/users/{id}/invitation  a new invitation (password reset)
 *   POST  /api/v1/invitation           accept one: choose a password
 *   POST  /api/v1/me/memberships       accept a membership, logged in
 *   GET   /api/v1/invitations          pending invitations (admin)
 *   POST  /api/v1/invitations/{id}/link  a new link for one (admin)
 *   DELETE /api/v1/schools/{id}/invitations/{invitation}  withdraw one
 *   PUT   /api/v1/me/password          change one's own password
 *   GET   /api/v1/audit                the audit log with filters
 *
 * Who may call what is the authorization table's business (the
 * dispatcher checked it, including the school of /schools/{id}/...).
 * Each write is one transaction; invitation tokens are stored only as
 * their SHA-256.  An invitation reaches its address by e-mail (mail.c,
 * after the commit); only an admin ever sees a token in an answer, so an
 * account belongs to whoever reads its address's mail.  A coordinator who
 * adds an address learns nothing about it: the answer is the same for a
 * known and an unknown address, and the membership waits until the
 * account holder accepts it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <kore/kore.h>
#include <kore/http.h>

#include <sodium.h>

#include "http/applog.h"
#include "accounts/accounts_db.h"
#include "accounts/auth_db.h"
#include "http/handlers.h"
#include "core/json_fields.h"
#include "core/params.h"
#include "accounts/mail.h"
#include "accounts/mail_message.h"
#include "accounts/password.h"
#include "core/problem.h"
#include "core/settings.h"
#include "core/strbuf.h"
#include "http/reply.h"
#include "accounts/session_token.h"
#include "core/utf8.h"

#define F(n, t, r, lo, hi, items, w)	{ n, t, r, lo, hi, items, w }
#define NFIELDS(a)	(sizeof(a) / sizeof((a)[0]))
#define LIST_DEFAULT	50
#define LIST_MAX	500

static const char *const	school_types[] = { "PO", "SO", "VO", "VSO",
				    "MBO", NULL };
static const char *const	regions[] = { "noord", "midden", "zuid",
				    NULL };
static const char *const	role_words[] = { "admin", "curator",
				    "coordinator", "teacher", "inspector",
				    NULL };
static const char *const	audit_actions[] = { "insert", "update",
				    "delete", "login", "logout", NULL };

static const struct field_spec	school_fields[] = {
	F("brin",		FT_STRING, 1, 0, 4, 0, NULL),
	F("vestiging",		FT_TEXT, 0, 0, 2, 0, NULL),
	F("name",		FT_STRING, 1, 0, 200, 0, NULL),
	F("type",		FT_ENUM, 1, 0, 0, 0, school_types),
	F("municipality",	FT_TEXT, 0, 0, 100, 0, NULL),
	F("region",		FT_ENUM, 1, 0, 0, 0, regions),
	F("first_level",	FT_CODE, 0, 0, 64, 0, NULL),
	F("last_level",		FT_CODE, 0, 0, 64, 0, NULL),
};

#define ACCESS_FIELDS							\
	F("roles",		FT_CODE_ARRAY, 0, 0, 20, 3, NULL),	\
	F("memberships",	FT_OBJECT_ARRAY, 0, 0, 0, 200, NULL),	\
	F("inspector_schools",	FT_STRING_ARRAY, 0, 0, 36, 1000, NULL),	\
	F("inspector_regions",	FT_CODE_ARRAY, 0, 0, 10, 3, NULL)

static const struct field_spec	user_create_fields[] = {
	F("email",		FT_STRING, 1, 0, 254, 0, NULL),
	F("display_name",	FT_STRING, 1, 0, 200, 0, NULL),
	ACCESS_FIELDS,
};

static const struct field_spec	user_update_fields[] = {
	F("email",		FT_STRING, 0, 0, 254, 0, NULL),
	F("display_name",	FT_STRING, 0, 0, 200, 0, NULL),
	F("disabled",		FT_BOOL, 0, 0, 0, 0, NULL),
	ACCESS_FIELDS,
};

static const struct field_spec	teacher_fields[] = {
	F("email",		FT_STRING, 1, 0, 254, 0, NULL),
	F("display_name",	FT_STRING, 0, 0, 200, 0, NULL),
};

static const struct field_spec	accept_fields[] = {
	F("token",		FT_STRING, 1, 0, 64, 0, NULL),
};
static const char *const	accept_secrets[] = { "password" };

static const struct field_spec	membership_accept_fields[] = {
	F("token",		FT_STRING, 1, 0, 64, 0, NULL),
};

static const char *const	password_secrets[] = { "current_password",
				    "new_password" };

/* One write: a checked body, its text, and what PostgreSQL answered. */
struct write {
	json_t	*body;
	char	*doc;		/* body as JSON text */
	char	*json;		/* the answer */
	char	 token[TOKEN_TEXT_LEN + 1];
	char	 hash[TOKEN_HASH_HEX_LEN + 1];
};

static void
write_free(struct write *w)
{
	json_decref(w->body);
	free(w->doc);
	free(w->json);
	sodium_memzero(w, sizeof(*w));
}

/* Check the body (with its secrets); -1 after replying. */
static int
write_body_secrets(struct api_ctx *ctx, struct write *w,
    const struct field_spec *specs, size_t n, int mode,
    const char *const *secrets, size_t nsecrets, const char **values)
{
	if (api_json_fields_secrets(ctx, specs, n, mode, secrets, nsecrets,
	    values, &w->body) == -1)
		return (-1);
	if (nsecrets == 0 &&
	    (w->doc = json_dumps(w->body, JSON_COMPACT)) == NULL) {
		reply_problem(ctx->req, ST_INTERNAL, NULL);
		return (-1);
	}
	return (0);
}

static int
write_body(struct api_ctx *ctx, struct write *w,
    const struct field_spec *specs, size_t n, int mode)
{
	return (write_body_secrets(ctx, w, specs, n, mode, NULL, 0, NULL));
}

static void
new_token(struct write *w)
{
	token_new(w->token);
	token_hash_hex(w->token, w->hash);
}

/* The web page's address that accepts the invitation of token. */
static void
invitation_link(const char *token, char *buf, size_t len)
{
	(void)utf8_fmt(buf, len, "%s/#/uitnodiging/%s",
	    settings_current()->base_url, token);
}

/*
 * After the commit: mail the invitation of w->token to its address when a
 * relay is configured.  A mail that cannot be queued is logged; the
 * invitation stays and an admin can hand out a new link.
 */
static void
mail_invitation(struct write *w)
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
	invitation_link(w->token, link, sizeof(link));
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

static int
begin(struct api_ctx *ctx)
{
	enum db_result	rc;

	if ((rc = db_begin()) != DB_OK) {
		api_reply_db_error(ctx, rc);
		return (-1);
	}
	return (0);
}

static int
commit(struct api_ctx *ctx)
{
	enum db_result	rc;

	if ((rc = db_commit()) != DB_OK) {
		db_rollback();
		api_reply_db_error(ctx, rc);
		return (-1);
	}
	return (0);
}

/*
 * The end of a write: on a failed statement roll back and reply (status
 * set), else commit.  Returns 0, or -1 after replying.
 */
static int
end_write(struct api_ctx *ctx, enum db_result rc, const char *unique_field,
    int *status)
{
	if (rc != DB_OK) {
		*status = api_reply_write_error(ctx, rc, unique_field);
		return (-1);
	}
	return (commit(ctx));
}

/*
 * The end of a delete: 204, or 404 with not_found when there was nothing
 * to delete (*removed is read after the statement ran).
 */
static int
end_delete(struct api_ctx *ctx, enum db_result rc, const int *removed,
    const char *not_found)
{
	int	status;

	status = ST_INTERNAL;
	if (end_write(ctx, rc, NULL, &status) == -1)
		return (status);
	if (!*removed) {
		reply_problem(ctx->req, ST_NOT_FOUND, not_found);
		return (ST_NOT_FOUND);
	}
	reply_json(ctx->req, ST_NO_CONTENT, NULL);
	return (ST_NO_CONTENT);
}

/*
 * Reply with the document w->json (404 with not_found when NULL); with a
 * token, add it to the member "invitation" of the document.
 */
static int
reply_doc(struct api_ctx *ctx, struct write *w, enum app_status s,
    const char *location_base, const char *not_found)
{
	json_t		*doc, *inv;
	json_error_t	 jerr;
	const char	*id;
	char		 loc[256];

	if (w->json == NULL) {
		reply_problem(ctx->req, ST_NOT_FOUND, not_found);
		return (ST_NOT_FOUND);
	}
	if ((doc = json_loads(w->json, 0, &jerr)) == NULL) {
		reply_problem(ctx->req, ST_INTERNAL, NULL);
		return (ST_INTERNAL);
	}
	if (w->token[0] != '\0' &&
	    (inv = json_object_get(doc, "invitation")) != NULL &&
	    json_is_object(inv))
		json_object_set_new(inv, "token", json_string(w->token));
	if (location_base != NULL) {
		id = json_string_value(json_object_get(doc, "id"));
		if (id == NULL)
			id = json_string_value(json_object_get(
			    json_object_get(doc, "user"), "id"));
		if (id != NULL) {
			(void)snprintf(loc, sizeof(loc), "%s/%s",
			    location_base, id);
			http_response_header(ctx->req, "location", loc);
		}
	}
	reply_json(ctx->req, s, doc);
	return (s);
}

static void
set_etag(struct api_ctx *ctx, const char *json)
{
	json_t		*doc;
	json_error_t	 jerr;
	char		 tag[32];

	if (json == NULL || (doc = json_loads(json, 0, &jerr)) == NULL)
		return;
	(void)snprintf(tag, sizeof(tag), "\"%lld\"", (long long)
	    json_integer_value(json_object_get(doc, "version")));
	http_response_header(ctx->req, "etag", tag);
	json_decref(doc);
}

/* limit/offset; -1 after a 400. */
static int
paging(struct api_ctx *ctx, long *limit, long *offset)
{
	struct param_errors	e = { 0 };

	param_paging(api_query(ctx, "limit"), api_query(ctx, "offset"),
	    LIST_DEFAULT, LIST_MAX, limit, offset, &e);
	if (e.n > 0) {
		api_reply_param_errors(ctx, &e);
		return (-1);
	}
	return (0);
}

/* An optional query parameter that must be one of words (or a UUID). */
static int
query_word(struct api_ctx *ctx, const char *key, const char *const *words,
    const char **out)
{
	struct param_errors	e = { 0 };

	*out = api_query(ctx, key);
	if (*out == NULL)
		return (0);
	if (words != NULL ? !param_is_one_of(*out, words) :
	    !param_is_uuid(*out)) {
		param_error(&e, key, words != NULL ? "onbekende waarde" :
		    "moet een UUID zijn");
		api_reply_param_errors(ctx, &e);
		return (-1);
	}
	return (0);
}

/* Schools ------------------------------------------------------------------ */

int
api_schools_list(struct api_ctx *ctx)
{
	const char	*region;
	char		*json;
	long		 limit, offset;
	enum db_result	 rc;

	if (paging(ctx, &limit, &offset) == -1 ||
	    query_word(ctx, "region", regions, &region) == -1)
		return (ST_BAD_REQUEST);
	if ((rc = db_schools_list(ctx->who.user_id, region, limit, offset,
	    &json)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		return (ST_INTERNAL);
	}
	api_reply_document(ctx, json, "Geen scholen.");
	return (ST_OK);
}

int
api_school_get(struct api_ctx *ctx)
{
	char		*json;
	enum db_result	 rc;

	if ((rc = db_school_get(router_param(&ctx->match, "id"), &json)) !=
	    DB_OK) {
		api_reply_db_error(ctx, rc);
		return (ST_INTERNAL);
	}
	set_etag(ctx, json);
	api_reply_document(ctx, json, "Deze school bestaat niet.");
	return (ST_OK);
}

int
api_school_create(struct api_ctx *ctx)
{
	struct write	w;
	enum db_result	rc;
	int		status;

	memset(&w, 0, sizeof(w));
	status = ST_UNPROCESSABLE;
	if (write_body(ctx, &w, school_fields, NFIELDS(school_fields),
	    FIELD_CREATE) == -1 || begin(ctx) == -1)
		goto out;
	rc = db_school_create(w.doc, &w.json);
	if (end_write(ctx, rc, "brin", &status) == -1)
		goto out;
	set_etag(ctx, w.json);
	status = reply_doc(ctx, &w, ST_CREATED, "/api/v1/schools", NULL);
out:
	write_free(&w);
	return (status);
}

int
api_school_update(struct api_ctx *ctx)
{
	struct write	w;
	char		version[16];
	enum db_result	rc;
	int		status;

	memset(&w, 0, sizeof(w));
	status = ST_UNPROCESSABLE;
	if (api_if_match(ctx, version, sizeof(version)) == -1 ||
	    write_body(ctx, &w, school_fields, NFIELDS(school_fields),
	    FIELD_PATCH) == -1 || begin(ctx) == -1)
		goto out;
	rc = db_school_update(router_param(&ctx->match, "id"), w.doc,
	    version[0] ? version : NULL, &w.json);
	if (end_write(ctx, rc, "brin", &status) == -1)
		goto out;
	set_etag(ctx, w.json);
	status = reply_doc(ctx, &w, ST_OK, NULL, "Deze school bestaat niet.");
out:
	write_free(&w);
	return (status);
}

int
api_school_members(struct api_ctx *ctx)
{
	char		*json;
	enum db_result	 rc;

	if ((rc = db_school_members(router_param(&ctx->match, "id"),
	    &json)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		return (ST_INTERNAL);
	}
	api_reply_document(ctx, json, "Deze school bestaat niet.");
	return (ST_OK);
}

int
api_school_teacher_add(struct api_ctx *ctx)
{
	struct write	w;
	enum db_result	rc;
	int		status;

	memset(&w, 0, sizeof(w));
	status = ST_UNPROCESSABLE;
	if (write_body(ctx, &w, teacher_fields, NFIELDS(teacher_fields),
	    FIELD_CREATE) == -1 || begin(ctx) == -1)
		goto out;
	new_token(&w);
	rc = db_teacher_add(router_param(&ctx->match, "id"), w.doc,
	    w.hash, &w.json);
	if (end_write(ctx, rc, "email", &status) == -1)
		goto out;
	mail_invitation(&w);
	/* The answer holds no token and nothing about the account. */
	w.token[0] = '\0';
	status = reply_doc(ctx, &w, ST_CREATED, NULL, NULL);
out:
	write_free(&w);
	return (status);
}

/* DELETE of a row of the school /schools/{id}/.../{param}. */
static int
school_delete(struct api_ctx *ctx, const char *param, const char *not_found,
    enum db_result (*del)(const char *, const char *, int *))
{
	const char	*id;
	int		 removed;

	if ((id = api_path_uuid(ctx, param, not_found)) == NULL)
		return (ST_NOT_FOUND);
	if (begin(ctx) == -1)
		return (ST_INTERNAL);
	return (end_delete(ctx, del(router_param(&ctx->match, "id"), id,
	    &removed), &removed, not_found));
}

int
api_school_teacher_remove(struct api_ctx *ctx)
{
	return (school_delete(ctx, "user", "Deze leerkracht is hier niet "
	    "bekend.", db_teacher_remove));
}

int
api_school_invitation_delete(struct api_ctx *ctx)
{
	return (school_delete(ctx, "invitation", "Deze uitnodiging bestaat "
	    "niet.", db_school_invitation_delete));
}

/* People ------------------------------------------------------------------- */

int
api_users_list(struct api_ctx *ctx)
{
	struct param_errors	 e = { 0 };
	const char		*q, *role, *school;
	char			*json;
	long			 limit, offset;
	enum db_result		 rc;

	if (paging(ctx, &limit, &offset) == -1 ||
	    query_word(ctx, "role", role_words, &role) == -1 ||
	    query_word(ctx, "school", NULL, &school) == -1)
		return (ST_BAD_REQUEST);
	if ((q = api_query(ctx, "q")) != NULL && !param_text_ok(q, 200)) {
		param_error(&e, "q", "hoogstens 200 tekens");
		api_reply_param_errors(ctx, &e);
		return (ST_BAD_REQUEST);
	}
	if ((rc = db_users_list(q, role, school, limit, offset, &json)) !=
	    DB_OK) {
		api_reply_db_error(ctx, rc);
		return (ST_INTERNAL);
	}
	api_reply_document(ctx, json, "Geen gebruikers.");
	return (ST_OK);
}

int
api_user_get(struct api_ctx *ctx)
{
	const char	*id;
	char		*json;
	enum db_result	 rc;

	if ((id = api_path_uuid(ctx, "id", "Deze gebruiker bestaat niet.")) ==
	    NULL)
		return (ST_NOT_FOUND);
	if ((rc = db_user_get(id, &json)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		return (ST_INTERNAL);
	}
	api_reply_document(ctx, json, "Deze gebruiker bestaat niet.");
	return (ST_OK);
}

int
api_user_create(struct api_ctx *ctx)
{
	struct write	w;
	enum db_result	rc;
	int		status;

	memset(&w, 0, sizeof(w));
	status = ST_UNPROCESSABLE;
	if (write_body(ctx, &w, user_create_fields,
	    NFIELDS(user_create_fields), FIELD_CREATE) == -1 ||
	    begin(ctx) == -1)
		goto out;
	new_token(&w);
	rc = db_user_create(w.doc, w.hash, &w.json);
	if (end_write(ctx, rc, "email", &status) == -1)
		goto out;
	mail_invitation(&w);
	status = reply_doc(ctx, &w, ST_CREATED, "/api/v1/users", NULL);
out:
	write_free(&w);
	return (status);
}

int
api_user_update(struct api_ctx *ctx)
{
	struct write	 w;
	const char	*id;
	enum db_result	 rc;
	int		 status;

	memset(&w, 0, sizeof(w));
	status = ST_NOT_FOUND;
	if ((id = api_path_uuid(ctx, "id", "Deze gebruiker bestaat niet.")) ==
	    NULL)
		goto out;
	status = ST_UNPROCESSABLE;
	if (write_body(ctx, &w, user_update_fields,
	    NFIELDS(user_update_fields), FIELD_PATCH) == -1 ||
	    begin(ctx) == -1)
		goto out;
	rc = db_user_update(id, w.doc, &w.json);
	if (end_write(ctx, rc, "email", &status) == -1)
		goto out;
	status = reply_doc(ctx, &w, ST_OK, NULL, "Deze gebruiker bestaat "
	    "niet.");
out:
	write_free(&w);
	return (status);
}

int
api_user_delete(struct api_ctx *ctx)
{
	const char	*id;
	int		 deleted;

	if ((id = api_path_uuid(ctx, "id", "Deze gebruiker bestaat niet.")) ==
	    NULL)
		return (ST_NOT_FOUND);
	if (begin(ctx) == -1)
		return (ST_INTERNAL);
	return (end_delete(ctx, db_user_delete(id, &deleted), &deleted,
	    "Deze gebruiker bestaat niet."));
}

/*
 * The end of a write that made a new token (w->token): 404 with not_found
 * when nothing was there, else commit, mail the invitation and answer 201
 * with the document plus the token (and, with with_link, its link).
 * Only admins reach this: nobody else ever sees a token.
 */
static int
end_token_write(struct api_ctx *ctx, struct write *w, enum db_result rc,
    const char *not_found, int with_link)
{
	json_t		*doc;
	json_error_t	 jerr;
	char		 link[SETTINGS_STR_MAX + 64];

	if (rc != DB_OK)
		return (api_reply_write_error(ctx, rc, NULL));
	if (w->json == NULL) {
		db_rollback();
		reply_problem(ctx->req, ST_NOT_FOUND, not_found);
		return (ST_NOT_FOUND);
	}
	if (commit(ctx) == -1)
		return (ST_INTERNAL);
	if ((doc = json_loads(w->json, 0, &jerr)) == NULL) {
		reply_problem(ctx->req, ST_INTERNAL, NULL);
		return (ST_INTERNAL);
	}
	mail_invitation(w);
	json_object_set_new(doc, "token", json_string(w->token));
	if (with_link) {
		invitation_link(w->token, link, sizeof(link));
		json_object_set_new(doc, "link", json_string(link));
		json_object_set_new(doc, "mailed", json_boolean(
		    mail_enabled()));
	}
	reply_json(ctx->req, ST_CREATED, doc);
	return (ST_CREATED);
}

int
api_user_invite(struct api_ctx *ctx)
{
	struct write	 w;
	const char	*id;
	int		 status;

	memset(&w, 0, sizeof(w));
	status = ST_NOT_FOUND;
	if ((id = api_path_uuid(ctx, "id", "Deze gebruiker bestaat niet.")) ==
	    NULL || begin(ctx) == -1)
		goto out;
	new_token(&w);
	status = end_token_write(ctx, &w, db_user_invite(id, w.hash, &w.json),
	    "Deze gebruiker bestaat niet.", 0);
out:
	write_free(&w);
	return (status);
}

/* 422 naming field with the policy's reason. */
static int
reply_policy(struct api_ctx *ctx, const char *field, const char *why)
{
	json_t	*p;

	p = problem_new(ST_UNPROCESSABLE, why);
	if (p != NULL)
		(void)problem_add_error(p, field, why);
	reply_problem_doc(ctx->req, ST_UNPROCESSABLE, p);
	return (ST_UNPROCESSABLE);
}

int
api_invitation_accept(struct api_ctx *ctx)
{
	struct write		 w;
	struct invitation_facts	 f;
	const char		*token, *pw, *why;
	char			 pwhash[PASSWORD_HASH_MAX];
	enum db_result		 rc;
	int			 status;

	memset(&w, 0, sizeof(w));
	memset(pwhash, 0, sizeof(pwhash));
	status = ST_UNPROCESSABLE;
	if (write_body_secrets(ctx, &w, accept_fields, NFIELDS(accept_fields),
	    FIELD_CREATE, accept_secrets, 1, &pw) == -1)
		goto out;
	token = json_string_value(json_object_get(w.body, "token"));
	if (!token_valid(token)) {
		status = reply_policy(ctx, "token", "Deze uitnodiging bestaat "
		    "niet (meer) of is verlopen.");
		goto out;
	}
	token_hash_hex(token, w.hash);
	if ((rc = db_invitation_lookup(w.hash, &f)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		status = ST_INTERNAL;
		goto out;
	}
	if (!f.found) {
		status = reply_policy(ctx, "token", "Deze uitnodiging bestaat "
		    "niet (meer) of is verlopen.");
		goto out;
	}
	if (!f.needs_password) {
		status = reply_policy(ctx, "password", "Dit account heeft al "
		    "een wachtwoord: log in en neem de uitnodiging aan zonder "
		    "wachtwoord.");
		goto out;
	}
	/* The address (and its local part) is no password. */
	if ((why = password_policy(pw, f.email)) != NULL) {
		status = reply_policy(ctx, "password", why);
		goto out;
	}
	if (password_hash(pw, pwhash) == -1) {
		reply_problem(ctx->req, ST_INTERNAL, NULL);
		status = ST_INTERNAL;
		goto out;
	}
	if (begin(ctx) == -1)
		goto out;
	rc = db_invitation_accept(w.hash, pwhash, NULL, &w.json);
	if (end_write(ctx, rc, NULL, &status) == -1)
		goto out;
	applog(LOG_LVL_INFO, "password chosen for user %s; its sessions "
	    "ended", f.user_id);
	status = reply_doc(ctx, &w, ST_OK, NULL, NULL);
out:
	sodium_memzero(pwhash, sizeof(pwhash));
	write_free(&w);
	return (status);
}

int
api_me_membership_accept(struct api_ctx *ctx)
{
	struct write	 w;
	const char	*token;
	enum db_result	 rc;
	int		 status;

	memset(&w, 0, sizeof(w));
	status = ST_UNPROCESSABLE;
	if (write_body(ctx, &w, membership_accept_fields,
	    NFIELDS(membership_accept_fields), FIELD_CREATE) == -1)
		goto out;
	token = json_string_value(json_object_get(w.body, "token"));
	if (!token_valid(token)) {
		status = reply_policy(ctx, "token", "Deze uitnodiging bestaat "
		    "niet (meer) of is verlopen.");
		goto out;
	}
	token_hash_hex(token, w.hash);
	if (begin(ctx) == -1)
		goto out;
	rc = db_invitation_accept(w.hash, NULL, ctx->who.user_id, &w.json);
	if (end_write(ctx, rc, NULL, &status) == -1)
		goto out;
	status = reply_doc(ctx, &w, ST_OK, NULL, NULL);
out:
	write_free(&w);
	return (status);
}

int
api_invitations_list(struct api_ctx *ctx)
{
	char		*json;
	enum db_result	 rc;

	if ((rc = db_invitations_list(&json)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		return (ST_INTERNAL);
	}
	api_reply_document(ctx, json, "Geen uitnodigingen.");
	return (ST_OK);
}

int
api_invitation_link(struct api_ctx *ctx)
{
	struct write	 w;
	const char	*id;
	int		 status;

	memset(&w, 0, sizeof(w));
	status = ST_NOT_FOUND;
	if ((id = api_path_uuid(ctx, "id", "Deze uitnodiging bestaat "
	    "niet.")) == NULL || begin(ctx) == -1)
		goto out;
	new_token(&w);
	status = end_token_write(ctx, &w, db_invitation_renew(id, w.hash,
	    &w.json), "Deze uitnodiging bestaat niet.", 1);
out:
	write_free(&w);
	return (status);
}


int
api_me_password(struct api_ctx *ctx)
{
	struct write	 w;
	const char	*pws[2], *cur, *pw, *why;
	char		 hash[PASSWORD_HASH_MAX], email[256];
	char		 address[64];
	enum db_result	 rc;
	int		 status;

	memset(&w, 0, sizeof(w));
	status = ST_UNPROCESSABLE;
	if (write_body_secrets(ctx, &w, NULL, 0, FIELD_CREATE,
	    password_secrets, 2, pws) == -1)
		goto out;
	cur = pws[0];
	pw = pws[1];
	status = ST_INTERNAL;
	if ((rc = db_password_hash_of(ctx->who.user_id, hash, sizeof(hash),
	    email, sizeof(email))) != DB_OK) {
		api_reply_db_error(ctx, rc);
		goto out;
	}
	/* Guessing the current password counts as failed logins. */
	if (api_login_allowed(ctx, email, address, sizeof(address)) == -1) {
		status = ST_TOO_MANY_REQUESTS;
		goto out;
	}
	if (!password_verify(hash[0] ? hash : NULL, cur)) {
		(void)db_login_failed(email, address[0] ? address : NULL);
		status = reply_policy(ctx, "current_password", "Het huidige "
		    "wachtwoord klopt niet.");
		goto out;
	}
	if ((why = password_policy(pw, email)) != NULL) {
		status = reply_policy(ctx, "new_password", why);
		goto out;
	}
	if (password_hash(pw, hash) == -1) {
		reply_problem(ctx->req, ST_INTERNAL, NULL);
		goto out;
	}
	if (begin(ctx) == -1)
		goto out;
	rc = db_password_set(ctx->who.user_id, ctx->who.session_id,
	    hash);
	if (end_write(ctx, rc, NULL, &status) == -1)
		goto out;
	applog(LOG_LVL_INFO, "password changed for user %s", ctx->who.user_id);
	reply_json(ctx->req, ST_NO_CONTENT, NULL);
	status = ST_NO_CONTENT;
out:
	sodium_memzero(hash, sizeof(hash));
	write_free(&w);
	return (status);
}

/* The audit log -------------------------------------------------------------- */

int
api_audit_list(struct api_ctx *ctx)
{
	struct param_errors	e = { 0 };
	struct audit_filter	f;
	char			*json;
	long			 limit, offset;
	enum db_result		 rc;

	memset(&f, 0, sizeof(f));
	if (paging(ctx, &limit, &offset) == -1 ||
	    query_word(ctx, "action", audit_actions, &f.action) == -1 ||
	    query_word(ctx, "school", NULL, &f.school) == -1 ||
	    query_word(ctx, "actor", NULL, &f.actor) == -1)
		return (ST_BAD_REQUEST);
	f.entity = api_query(ctx, "entity");
	f.entity_id = api_query(ctx, "entity_id");
	f.from = api_query(ctx, "from");
	f.to = api_query(ctx, "to");
	if (f.entity != NULL && !param_is_code(f.entity, 64))
		param_error(&e, "entity", "een tabelnaam, zoals school");
	if (f.entity_id != NULL && !param_text_ok(f.entity_id, 200))
		param_error(&e, "entity_id", "hoogstens 200 tekens");
	if (f.from != NULL && !param_text_ok(f.from, 10))
		param_error(&e, "from", "een datum als JJJJ-MM-DD");
	if (f.to != NULL && !param_text_ok(f.to, 10))
		param_error(&e, "to", "een datum als JJJJ-MM-DD");
	if (e.n > 0) {
		api_reply_param_errors(ctx, &e);
		return (ST_BAD_REQUEST);
	}
	if ((rc = db_audit_list(ctx->who.user_id, &f, limit, offset,
	    &json)) != DB_OK) {
		if (rc == DB_INVALID) {
			param_error(&e, db_last_error()->field,
			    db_last_error()->message);
			api_reply_param_errors(ctx, &e);
			return (ST_BAD_REQUEST);
		}
		api_reply_db_error(ctx, rc);
		return (ST_INTERNAL);
	}
	api_reply_document(ctx, json, "Geen auditregels.");
	return (ST_OK);
}

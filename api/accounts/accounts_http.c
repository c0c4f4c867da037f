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
 *   PUT   /api/v1/me/password          change one's own password
 *   GET   /api/v1/audit                the audit log with filters
 *
 * Who may call what is the authorization table's business (the
 * dispatcher checked it, including the school of /schools/{id}/...).
 * Each write is one transaction; invitation tokens are returned once and
 * stored only as their SHA-256.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include <sodium.h>

#include "http/applog.h"
#include "accounts/accounts_db.h"
#include "accounts/auth_db.h"
#include "http/handlers.h"
#include "core/json_fields.h"
#include "core/params.h"
#include "accounts/password.h"
#include "accounts/password_task.h"
#include "core/problem.h"
#include "http/reply.h"
#include "http/write.h"
#include "accounts/session_token.h"

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
	FIELD("brin",		FT_STRING, 1, 0, 4, 0, NULL),
	FIELD("vestiging",		FT_TEXT, 0, 0, 2, 0, NULL),
	FIELD("name",		FT_STRING, 1, 0, 200, 0, NULL),
	FIELD("type",		FT_ENUM, 1, 0, 0, 0, school_types),
	FIELD("municipality",	FT_TEXT, 0, 0, 100, 0, NULL),
	FIELD("region",		FT_ENUM, 1, 0, 0, 0, regions),
	FIELD("first_level",	FT_CODE, 0, 0, 64, 0, NULL),
	FIELD("last_level",		FT_CODE, 0, 0, 64, 0, NULL),
};

#define ACCESS_FIELDS							\
	FIELD("roles",		FT_CODE_ARRAY, 0, 0, 20, 3, NULL),	\
	FIELD("memberships",	FT_OBJECT_ARRAY, 0, 0, 0, 200, NULL),	\
	FIELD("inspector_schools",	FT_STRING_ARRAY, 0, 0, 36, 1000, NULL),	\
	FIELD("inspector_regions",	FT_CODE_ARRAY, 0, 0, 10, 3, NULL)

static const struct field_spec	user_create_fields[] = {
	FIELD("email",		FT_STRING, 1, 0, 254, 0, NULL),
	FIELD("display_name",	FT_STRING, 1, 0, 200, 0, NULL),
	ACCESS_FIELDS,
};

static const struct field_spec	user_update_fields[] = {
	FIELD("email",		FT_STRING, 0, 0, 254, 0, NULL),
	FIELD("display_name",	FT_STRING, 0, 0, 200, 0, NULL),
	FIELD("disabled",		FT_BOOL, 0, 0, 0, 0, NULL),
	ACCESS_FIELDS,
};

static const struct field_spec	teacher_fields[] = {
	FIELD("email",		FT_STRING, 1, 0, 254, 0, NULL),
	FIELD("display_name",	FT_STRING, 0, 0, 200, 0, NULL),
};

static const struct field_spec	accept_fields[] = {
	FIELD("token",		FT_STRING, 1, 0, 64, 0, NULL),
};
static const char *const	accept_secrets[] = { "password" };

static const char *const	password_secrets[] = { "current_password",
				    "new_password" };

static const struct field_table	school_body = FIELD_TABLE(school_fields);
static const struct field_table	user_create_body =
				    FIELD_TABLE(user_create_fields);
static const struct field_table	user_update_body =
				    FIELD_TABLE(user_update_fields);
static const struct field_table	teacher_body = FIELD_TABLE(teacher_fields);

/* One write: a checked body, its text, and what PostgreSQL answered. */
struct change {
	json_t	*body;
	char	*doc;		/* body as JSON text */
	char	*json;		/* the answer */
	char	 version[16];	/* If-Match ("" without) */
	char	 token[TOKEN_TEXT_LEN + 1];
	char	 hash[TOKEN_HASH_HEX_LEN + 1];
};

#define CHANGE_TOKEN	0x01	/* an invitation token for the change */
#define CHANGE_IF_MATCH	0x02	/* an optional If-Match into version */

static void
change_free(struct change *w)
{
	json_decref(w->body);
	free(w->doc);
	free(w->json);
	sodium_memzero(w, sizeof(*w));
}

/* A duplicate e-mail address or BRIN names its field (409). */
static const struct write_names	email_names = { "email", NULL, 0, 0 };
static const struct write_names	brin_names = { "brin", NULL, 0, 0 };

/*
 * The first steps of a write: If-Match (flags CHANGE_IF_MATCH), the body
 * against t, BEGIN, and a new invitation token (CHANGE_TOKEN).  0, or -1
 * after replying.
 */
static int
change_start(struct api_ctx *ctx, struct change *w,
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

static void	reply_doc(struct api_ctx *, struct change *, json_t *,
		    enum app_status, const char *);

/*
 * The end of a write whose statement returned rc and w->json: commit and
 * reply s with the document (Location under location, its ETag when
 * etag), or roll back and reply the refusal (404 missing).
 */
static void
change_done(struct api_ctx *ctx, struct change *w, enum db_result rc,
    const char *missing, const struct write_names *names, enum app_status s,
    const char *location, int etag)
{
	json_t	*doc;

	if (write_end_doc(ctx, rc, w->json, missing, names, &doc) == -1)
		return;
	if (etag)
		write_etag(ctx, doc);
	reply_doc(ctx, w, doc, s, location);
}

/*
 * The end of a delete: 204, or 404 with not_found when there was nothing
 * to delete (*removed is read after the statement ran).
 */
static void
end_delete(struct api_ctx *ctx, enum db_result rc, const int *removed,
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
static void
reply_doc(struct api_ctx *ctx, struct change *w, json_t *doc,
    enum app_status s, const char *location_base)
{
	json_t		*inv;
	const char	*id;
	char		 loc[256];

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

void
api_schools_list(struct api_ctx *ctx)
{
	const char	*region;
	char		*json;
	long		 limit, offset;

	if (api_paging(ctx, LIST_DEFAULT, LIST_MAX, &limit, &offset) == -1 ||
	    query_word(ctx, "region", regions, &region) == -1)
		return;
	api_reply_read(ctx, db_schools_list(ctx->who.user_id, region, limit,
	    offset, &json), &json, "Geen scholen.");
}

void
api_school_get(struct api_ctx *ctx)
{
	char		*json;
	enum db_result	 rc;

	if ((rc = db_school_get(router_param(&ctx->match, "id"), &json)) !=
	    DB_OK) {
		api_reply_db_error(ctx, rc);
		return;
	}
	write_etag_text(ctx, json);
	api_reply_document(ctx, json, "Deze school bestaat niet.");
}

void
api_school_create(struct api_ctx *ctx)
{
	struct change	w;

	if (change_start(ctx, &w, &school_body, FIELD_CREATE, 0) == 0)
		change_done(ctx, &w, db_school_create(w.doc, &w.json), NULL,
		    &brin_names, ST_CREATED, "/api/v1/schools", 1);
	change_free(&w);
}

void
api_school_update(struct api_ctx *ctx)
{
	struct change	w;

	if (change_start(ctx, &w, &school_body, FIELD_PATCH,
	    CHANGE_IF_MATCH) == 0)
		change_done(ctx, &w, db_school_update(router_param(&ctx->match,
		    "id"), w.doc, w.version[0] ? w.version : NULL, &w.json),
		    "Deze school bestaat niet.", &brin_names, ST_OK, NULL, 1);
	change_free(&w);
}

void
api_school_members(struct api_ctx *ctx)
{
	char		*json;

	api_reply_read(ctx, db_school_members(router_param(&ctx->match, "id"),
	    &json), &json, "Deze school bestaat niet.");
}

void
api_school_teacher_add(struct api_ctx *ctx)
{
	struct change	w;

	if (change_start(ctx, &w, &teacher_body, FIELD_CREATE,
	    CHANGE_TOKEN) == 0)
		change_done(ctx, &w, db_teacher_add(router_param(&ctx->match,
		    "id"), w.doc, w.hash, &w.json), NULL, &email_names,
		    ST_CREATED, NULL, 0);
	change_free(&w);
}

void
api_school_teacher_remove(struct api_ctx *ctx)
{
	const char	*user;
	int		 removed;

	if ((user = api_path_uuid(ctx, "user", "Deze leerkracht is hier "
	    "niet bekend.")) == NULL)
		return;
	if (write_begin(ctx) == -1)
		return;
	end_delete(ctx, db_teacher_remove(router_param(&ctx->match,
	    "id"), user, &removed), &removed, "Deze leerkracht is hier niet "
	    "bekend.");
}

/* People ------------------------------------------------------------------- */

void
api_users_list(struct api_ctx *ctx)
{
	struct param_errors	 e = { 0 };
	const char		*q, *role, *school;
	char			*json;
	long			 limit, offset;

	if (api_paging(ctx, LIST_DEFAULT, LIST_MAX, &limit, &offset) == -1 ||
	    query_word(ctx, "role", role_words, &role) == -1 ||
	    query_word(ctx, "school", NULL, &school) == -1)
		return;
	if ((q = api_query(ctx, "q")) != NULL && !param_text_ok(q, 200)) {
		param_error(&e, "q", "hoogstens 200 tekens");
		api_reply_param_errors(ctx, &e);
		return;
	}
	api_reply_read(ctx, db_users_list(q, role, school, limit, offset,
	    &json), &json, "Geen gebruikers.");
}

void
api_user_get(struct api_ctx *ctx)
{
	const char	*id;
	char		*json;

	if ((id = api_path_uuid(ctx, "id", "Deze gebruiker bestaat niet.")) ==
	    NULL)
		return;
	api_reply_read(ctx, db_user_get(id, &json), &json,
	    "Deze gebruiker bestaat niet.");
}

void
api_user_create(struct api_ctx *ctx)
{
	struct change	w;

	if (change_start(ctx, &w, &user_create_body, FIELD_CREATE,
	    CHANGE_TOKEN) == 0)
		change_done(ctx, &w, db_user_create(w.doc, w.hash, &w.json),
		    NULL, &email_names, ST_CREATED, "/api/v1/users", 0);
	change_free(&w);
}

void
api_user_update(struct api_ctx *ctx)
{
	struct change	 w;
	const char	*id;

	memset(&w, 0, sizeof(w));
	if ((id = api_path_uuid(ctx, "id", "Deze gebruiker bestaat niet.")) !=
	    NULL && change_start(ctx, &w, &user_update_body, FIELD_PATCH,
	    0) == 0)
		change_done(ctx, &w, db_user_update(id, w.doc, &w.json),
		    "Deze gebruiker bestaat niet.", &email_names, ST_OK, NULL,
		    0);
	change_free(&w);
}

void
api_user_delete(struct api_ctx *ctx)
{
	const char	*id;
	int		 deleted;

	if ((id = api_path_uuid(ctx, "id", "Deze gebruiker bestaat niet.")) ==
	    NULL)
		return;
	if (write_begin(ctx) == -1)
		return;
	end_delete(ctx, db_user_delete(id, &deleted), &deleted,
	    "Deze gebruiker bestaat niet.");
}

void
api_user_invite(struct api_ctx *ctx)
{
	struct change	 w;
	json_t		*doc;
	const char	*id;
	enum db_result	 rc;

	memset(&w, 0, sizeof(w));
	if ((id = api_path_uuid(ctx, "id", "Deze gebruiker bestaat niet.")) ==
	    NULL || write_begin(ctx) == -1)
		goto out;
	token_new(w.token);
	token_hash_hex(w.token, w.hash);
	rc = db_user_invite(id, w.hash, &w.json);
	if (write_end_doc(ctx, rc, w.json, "Deze gebruiker bestaat niet.",
	    NULL, &doc) == -1)
		goto out;
	json_object_set_new(doc, "token", json_string(w.token));
	reply_json(ctx->req, ST_CREATED, doc);
out:
	change_free(&w);
}

/* 422 naming field with the policy's reason. */
static void
reply_policy(struct api_ctx *ctx, const char *field, const char *why)
{
	api_reply_field(ctx, ST_UNPROCESSABLE, why, field, why);
}

void
api_invitation_accept(struct api_ctx *ctx)
{
	json_t		*doc;
	struct change	 w;
	const char	*token, *pw, *why;
	char		 pwhash[PASSWORD_HASH_MAX];
	enum db_result	 rc;
	int		 ok;

	memset(&w, 0, sizeof(w));
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
	if ((why = password_policy(pw, NULL)) != NULL) {
		reply_policy(ctx, "password", why);
		goto out;
	}
	token_hash_hex(token, w.hash);
	if (api_password_wait(ctx, pw_task_hash(ctx->req, pw, pwhash,
	    &ok)) == -1) {
		goto out;
	}
	if (!ok) {
		reply_problem(ctx->req, ST_INTERNAL, NULL);
		goto out;
	}
	if (write_begin(ctx) == -1)
		goto out;
	rc = db_invitation_accept(w.hash, pwhash, &w.json);
	if (write_end_doc(ctx, rc, w.json, NULL, NULL, &doc) == -1)
		goto out;
	reply_doc(ctx, &w, doc, ST_OK, NULL);
out:
	sodium_memzero(pwhash, sizeof(pwhash));
	change_free(&w);
}

void
api_me_password(struct api_ctx *ctx)
{
	struct change	 w;
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
	if (api_password_wait(ctx, pw_task_hash(ctx->req, pw, hash, &ok)) ==
	    -1) {
		goto out;
	}
	if (!ok) {
		reply_problem(ctx->req, ST_INTERNAL, NULL);
		goto out;
	}
	if (write_begin(ctx) == -1)
		goto out;
	rc = db_password_set(ctx->who.user_id, ctx->who.session_id,
	    hash);
	if (write_end(ctx, rc, 1, NULL, NULL) == -1)
		goto out;
	applog(LOG_LVL_INFO, "password changed for user %s", ctx->who.user_id);
	reply_json(ctx->req, ST_NO_CONTENT, NULL);
out:
	sodium_memzero(hash, sizeof(hash));
	change_free(&w);
}

/* The audit log -------------------------------------------------------------- */

void
api_audit_list(struct api_ctx *ctx)
{
	struct param_errors	e = { 0 };
	struct audit_filter	f;
	char			*json;
	long			 limit, offset;
	enum db_result		 rc;

	memset(&f, 0, sizeof(f));
	if (api_paging(ctx, LIST_DEFAULT, LIST_MAX, &limit, &offset) == -1 ||
	    query_word(ctx, "action", audit_actions, &f.action) == -1 ||
	    query_word(ctx, "school", NULL, &f.school) == -1 ||
	    query_word(ctx, "actor", NULL, &f.actor) == -1)
		return;
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
		return;
	}
	if ((rc = db_audit_list(ctx->who.user_id, &f, limit, offset,
	    &json)) != DB_OK) {
		if (rc == DB_INVALID) {
			param_error(&e, db_last_error()->field,
			    db_last_error()->message);
			api_reply_param_errors(ctx, &e);
			return;
		}
		api_reply_db_error(ctx, rc);
		return;
	}
	api_reply_document(ctx, json, "Geen auditregels.");
}

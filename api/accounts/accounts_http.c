/*
 * accounts_http: schools, people and the audit log.
 *
 *   GET   /api/v1/schools              the schools the user may read
 *   POST  /api/v1/schools              (admin)
 *   GET   /api/v1/schools/{id}         PATCH (admin; If-Match optional)
 *   GET   /api/v1/schools/{id}/members            (coordinator, admin)
 *   POST  /api/v1/schools/{id}/teachers           invite or add a teacher
 *   DELETE /api/v1/schools/{id}/teachers/{user}   remove a teacher
 *   DELETE /api/v1/schools/{id}/invitations/{invitation}  withdraw one
 *   GET|POST /api/v1/users, GET|PATCH|DELETE /api/v1/users/{id} (admin)
 *   GET   /api/v1/audit                the audit log with filters
 *
 * Invitations and passwords: invitations_http.c.  Who may call what is
 * the authorization table's business (the dispatcher checked it,
 * including the school of /schools/{id}/...).  Each write is one
 * transaction; invitation tokens are stored only as their SHA-256.  A
 * coordinator who adds an address learns nothing about it: the answer is
 * the same for a known and an unknown address, and the membership waits
 * until the account holder accepts it (by the invitation's e-mail).
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

static const struct field_table	school_body = FIELD_TABLE(school_fields);
static const struct field_table	user_create_body =
				    FIELD_TABLE(user_create_fields);
static const struct field_table	user_update_body =
				    FIELD_TABLE(user_update_fields);
static const struct field_table	teacher_body = FIELD_TABLE(teacher_fields);

/* A duplicate e-mail address or BRIN names its field (409). */
static const struct write_names	email_names = { "email", NULL, 0, 0 };
static const struct write_names	brin_names = { "brin", NULL, 0, 0 };

/* An optional query parameter that must be one of words (or a UUID). */
static int
query_word(struct api_ctx *ctx, const char *key, const char *const *words,
    const char **out)
{
	*out = api_query(ctx, key);
	if (*out == NULL)
		return (0);
	if (words != NULL ? !param_is_one_of(*out, words) :
	    !param_is_uuid(*out)) {
		api_reply_param_error(ctx, key, words != NULL ?
		    "onbekende waarde" : "moet een UUID zijn");
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
	struct account_change	w;

	if (account_change_start(ctx, &w, &school_body, FIELD_CREATE, 0) == 0)
		account_change_done(ctx, &w, db_school_create(w.doc, &w.json), NULL,
		    &brin_names, ST_CREATED, "/api/v1/schools/", DONE_ETAG);
	account_change_free(&w);
}

void
api_school_update(struct api_ctx *ctx)
{
	struct account_change	w;

	if (account_change_start(ctx, &w, &school_body, FIELD_PATCH,
	    CHANGE_IF_MATCH) == 0)
		account_change_done(ctx, &w, db_school_update(router_param(&ctx->match,
		    "id"), w.doc, w.version[0] ? w.version : NULL, &w.json),
		    "Deze school bestaat niet.", &brin_names, ST_OK, NULL,
		    DONE_ETAG);
	account_change_free(&w);
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
	struct account_change	w;

	/* The answer holds no token and nothing about the account. */
	if (account_change_start(ctx, &w, &teacher_body, FIELD_CREATE,
	    CHANGE_TOKEN) == 0)
		account_change_done(ctx, &w, db_teacher_add(router_param(
		    &ctx->match, "id"), w.doc, w.hash, &w.json), NULL,
		    &email_names, ST_CREATED, NULL, DONE_NO_TOKEN);
	account_change_free(&w);
}

/* DELETE of a row of the school /schools/{id}/.../{param}. */
static void
school_delete(struct api_ctx *ctx, const char *param, const char *not_found,
    enum db_result (*del)(const char *, const char *, int *))
{
	const char	*id;
	int		 removed;

	if ((id = api_path_uuid(ctx, param, not_found)) == NULL ||
	    write_begin(ctx) == -1)
		return;
	account_end_delete(ctx, del(router_param(&ctx->match, "id"), id, &removed),
	    &removed, not_found);
}

void
api_school_teacher_remove(struct api_ctx *ctx)
{
	school_delete(ctx, "user", "Deze leerkracht is hier niet bekend.",
	    db_teacher_remove);
}

void
api_school_invitation_delete(struct api_ctx *ctx)
{
	school_delete(ctx, "invitation", "Deze uitnodiging bestaat niet.",
	    db_school_invitation_delete);
}

/* People ------------------------------------------------------------------- */

void
api_users_list(struct api_ctx *ctx)
{
	const char	*q, *role, *school;
	char		*json;
	long		 limit, offset;

	if (api_paging(ctx, LIST_DEFAULT, LIST_MAX, &limit, &offset) == -1 ||
	    query_word(ctx, "role", role_words, &role) == -1 ||
	    query_word(ctx, "school", NULL, &school) == -1)
		return;
	if ((q = api_query(ctx, "q")) != NULL && !param_text_ok(q, 200)) {
		api_reply_param_error(ctx, "q", "hoogstens 200 tekens");
		return;
	}
	api_reply_read(ctx, db_users_list(q, role, school, limit, offset,
	    &json), &json, "Geen gebruikers.");
}

void
api_user_get(struct api_ctx *ctx)
{
	api_reply_by_id(ctx, "Deze gebruiker bestaat niet.", db_user_get,
	    "Deze gebruiker bestaat niet.");
}

void
api_user_create(struct api_ctx *ctx)
{
	struct account_change	w;

	if (account_change_start(ctx, &w, &user_create_body, FIELD_CREATE,
	    CHANGE_TOKEN) == 0)
		account_change_done(ctx, &w, db_user_create(w.doc, w.hash,
		    &w.json), NULL, &email_names, ST_CREATED, "/api/v1/users/",
		    0);
	account_change_free(&w);
}

void
api_user_update(struct api_ctx *ctx)
{
	struct account_change	 w;
	const char	*id;

	memset(&w, 0, sizeof(w));
	if ((id = api_path_uuid(ctx, "id", "Deze gebruiker bestaat niet.")) !=
	    NULL && account_change_start(ctx, &w, &user_update_body, FIELD_PATCH,
	    0) == 0)
		account_change_done(ctx, &w, db_user_update(id, w.doc, &w.json),
		    "Deze gebruiker bestaat niet.", &email_names, ST_OK, NULL,
		    0);
	account_change_free(&w);
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
	account_end_delete(ctx, db_user_delete(id, &deleted), &deleted,
	    "Deze gebruiker bestaat niet.");
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

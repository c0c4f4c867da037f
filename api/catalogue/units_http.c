/*
 * units_http: a school's own activities (issue 13, item 2) and the
 * proposed leerlijn (item 4).
 *
 *   GET    /api/v1/schools/{id}/activities
 *   POST   /api/v1/schools/{id}/activities
 *   GET    /api/v1/schools/{id}/activities/{activity}
 *   PATCH  /api/v1/schools/{id}/activities/{activity}	(If-Match)
 *   DELETE /api/v1/schools/{id}/activities/{activity}	(If-Match)
 *   GET    /api/v1/activities/offered			(curators)
 *   POST   /api/v1/activities/{id}/adopt			(curators)
 *   POST   /api/v1/schools/{id}/proposal			(a proposal)
 *   POST   /api/v1/schools/{id}/proposal/apply		(plans/template)
 *
 * The school routes are checked by the dispatcher (authz_rules.c); the
 * SQL functions check the body and refuse with a field and a Dutch
 * message (422), a stale version (412).
 */
#include <stdio.h>
#include <stdlib.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "catalogue/units_db.h"
#include "core/problem.h"
#include "http/handlers.h"
#include "http/reply.h"

#define NOT_FOUND	"Deze activiteit bestaat niet (bij deze school)."

/* ETag: the member "version" of the document json, when it has one. */
static void
etag(struct api_ctx *ctx, const char *json)
{
	json_t	*doc, *v;
	char	 tag[32];

	if ((doc = json_loads(json, 0, NULL)) == NULL)
		return;
	if ((v = json_object_get(doc, "version")) != NULL &&
	    json_is_integer(v)) {
		(void)snprintf(tag, sizeof(tag), "\"%lld\"",
		    (long long)json_integer_value(v));
		http_response_header(ctx->req, "etag", tag);
	}
	json_decref(doc);
}

/* Reply a read: the document (with its ETag) or 404. */
static int
reply_read(struct api_ctx *ctx, enum db_result rc, char *json)
{
	if (rc != DB_OK) {
		api_reply_db_error(ctx, rc);
		return (ST_INTERNAL);
	}
	if (json != NULL)
		etag(ctx, json);
	api_reply_document(ctx, json, NOT_FOUND);
	return (json != NULL ? ST_OK : ST_NOT_FOUND);
}

/*
 * Finish a write that ran inside db_begin(): on success commit and reply
 * s with the document json (and its ETag); otherwise roll back and reply
 * the refusal, or 404 when json is NULL.  Frees json.
 */
static int
finish_write(struct api_ctx *ctx, enum db_result rc, char *json,
    enum app_status s)
{
	int	status;

	if (rc != DB_OK) {
		free(json);
		return (api_reply_write_error(ctx, rc, NULL));
	}
	if (json == NULL) {
		db_rollback();
		reply_problem(ctx->req, ST_NOT_FOUND, NOT_FOUND);
		return (ST_NOT_FOUND);
	}
	if ((rc = db_commit()) != DB_OK) {
		free(json);
		return (api_reply_write_error(ctx, rc, NULL));
	}
	etag(ctx, json);
	reply_json_text(ctx->req, s, json);
	status = s;
	free(json);
	return (status);
}

/* The body as JSON text (an object), or NULL after replying. */
static char *
body_text(struct api_ctx *ctx)
{
	json_t	*root;
	char	*text;

	if (api_json_body(ctx, &root) == -1)
		return (NULL);
	text = json_dumps(root, JSON_COMPACT);
	json_decref(root);
	if (text == NULL)
		reply_problem(ctx->req, ST_INTERNAL, NULL);
	return (text);
}

/* The version of the required If-Match header, or -1 after replying. */
static int
required_version(struct api_ctx *ctx, char *buf, size_t len)
{
	if (api_if_match(ctx, buf, len) == -1)
		return (-1);
	if (buf[0] == '\0') {
		reply_problem(ctx->req, ST_PRECONDITION_REQUIRED, "Stuur "
		    "If-Match met de versie (ETag) die je hebt gelezen.");
		return (-1);
	}
	return (0);
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

int
api_school_activities_list(struct api_ctx *ctx)
{
	const char	*school;
	char		*json;
	enum db_result	 rc;

	if ((school = api_path_uuid(ctx, "id", "Deze school bestaat niet."))
	    == NULL)
		return (ST_NOT_FOUND);
	rc = db_activity_list(school, &json);
	return (reply_read(ctx, rc, json));
}

int
api_school_activity_get(struct api_ctx *ctx)
{
	const char	*school, *id;
	char		*json;
	enum db_result	 rc;

	if ((school = api_path_uuid(ctx, "id", NOT_FOUND)) == NULL ||
	    (id = api_path_uuid(ctx, "activity", NOT_FOUND)) == NULL)
		return (ST_NOT_FOUND);
	rc = db_activity_get(school, id, &json);
	return (reply_read(ctx, rc, json));
}

int
api_school_activity_create(struct api_ctx *ctx)
{
	const char	*school;
	char		*body, *json, loc[160];
	enum db_result	 rc;
	json_t		*doc;
	int		 status;

	if ((school = api_path_uuid(ctx, "id", "Deze school bestaat niet."))
	    == NULL)
		return (ST_NOT_FOUND);
	if ((body = body_text(ctx)) == NULL)
		return (ST_BAD_REQUEST);
	status = ST_INTERNAL;
	json = NULL;
	if (begin(ctx) == -1)
		goto out;
	rc = db_activity_create(school, ctx->who.user_id, body, &json);
	if (rc == DB_OK && json != NULL &&
	    (doc = json_loads(json, 0, NULL)) != NULL) {
		(void)snprintf(loc, sizeof(loc),
		    "/api/v1/schools/%s/activities/%s", school,
		    json_string_value(json_object_get(doc, "id")));
		http_response_header(ctx->req, "location", loc);
		json_decref(doc);
	}
	status = finish_write(ctx, rc, json, ST_CREATED);
out:
	free(body);
	return (status);
}

int
api_school_activity_update(struct api_ctx *ctx)
{
	const char	*school, *id;
	char		*body, *json, version[24];
	enum db_result	 rc;
	int		 status;

	if ((school = api_path_uuid(ctx, "id", NOT_FOUND)) == NULL ||
	    (id = api_path_uuid(ctx, "activity", NOT_FOUND)) == NULL)
		return (ST_NOT_FOUND);
	if (required_version(ctx, version, sizeof(version)) == -1)
		return (ST_PRECONDITION_REQUIRED);
	if ((body = body_text(ctx)) == NULL)
		return (ST_BAD_REQUEST);
	status = ST_INTERNAL;
	json = NULL;
	if (begin(ctx) == 0) {
		rc = db_activity_update(school, id, body, version, &json);
		status = finish_write(ctx, rc, json, ST_OK);
	}
	free(body);
	return (status);
}

int
api_school_activity_delete(struct api_ctx *ctx)
{
	const char	*school, *id;
	char		*json, version[24];
	enum db_result	 rc;

	if ((school = api_path_uuid(ctx, "id", NOT_FOUND)) == NULL ||
	    (id = api_path_uuid(ctx, "activity", NOT_FOUND)) == NULL)
		return (ST_NOT_FOUND);
	if (required_version(ctx, version, sizeof(version)) == -1)
		return (ST_PRECONDITION_REQUIRED);
	if (begin(ctx) == -1)
		return (ST_INTERNAL);
	json = NULL;
	rc = db_activity_delete(school, id, version, &json);
	if (rc != DB_OK || json == NULL)
		return (finish_write(ctx, rc, json, ST_OK));
	free(json);
	if ((rc = db_commit()) != DB_OK)
		return (api_reply_write_error(ctx, rc, NULL));
	reply_json(ctx->req, ST_NO_CONTENT, NULL);
	return (ST_NO_CONTENT);
}

int
api_activities_offered(struct api_ctx *ctx)
{
	char		*json;
	enum db_result	 rc;

	rc = db_activity_offered(&json);
	return (reply_read(ctx, rc, json));
}

int
api_activity_adopt(struct api_ctx *ctx)
{
	const char	*id;
	char		*body, *json;
	enum db_result	 rc;
	int		 status;

	if ((id = api_path_uuid(ctx, "id", "Deze activiteit bestaat niet "
	    "(of is niet aangeboden).")) == NULL)
		return (ST_NOT_FOUND);
	if ((body = body_text(ctx)) == NULL)
		return (ST_BAD_REQUEST);
	status = ST_INTERNAL;
	json = NULL;
	if (begin(ctx) == 0) {
		rc = db_activity_adopt(id, body, &json);
		status = finish_write(ctx, rc, json, ST_CREATED);
	}
	free(body);
	return (status);
}

/* POST /api/v1/schools/{id}/proposal: computed, nothing changes (200). */
int
api_school_proposal(struct api_ctx *ctx)
{
	const char	*school;
	char		*body, *json;
	enum db_result	 rc;
	int		 status;

	if ((school = api_path_uuid(ctx, "id", "Deze school bestaat niet."))
	    == NULL)
		return (ST_NOT_FOUND);
	if ((body = body_text(ctx)) == NULL)
		return (ST_BAD_REQUEST);
	status = ST_INTERNAL;
	json = NULL;
	if (begin(ctx) == 0) {
		rc = db_proposal(school, body, &json);
		status = finish_write(ctx, rc, json, ST_OK);
	}
	free(body);
	return (status);
}

/* POST /api/v1/schools/{id}/proposal/apply: plans or a template (201). */
int
api_school_proposal_apply(struct api_ctx *ctx)
{
	const char	*school;
	char		*body, *json;
	enum db_result	 rc;
	int		 status;

	if ((school = api_path_uuid(ctx, "id", "Deze school bestaat niet."))
	    == NULL)
		return (ST_NOT_FOUND);
	if ((body = body_text(ctx)) == NULL)
		return (ST_BAD_REQUEST);
	status = ST_INTERNAL;
	json = NULL;
	if (begin(ctx) == 0) {
		rc = db_proposal_apply(school, ctx->who.user_id, body, &json);
		status = finish_write(ctx, rc, json, ST_CREATED);
	}
	free(body);
	return (status);
}

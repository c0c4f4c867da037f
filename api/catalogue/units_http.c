/*
 * units_http: a school's own activities and the proposed leerlijn
 * (docs/units.md).
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
 * The dispatcher checks who may (authz_rules.c).  The bodies are checked
 * against the field tables below (types, lengths, unknown fields); the SQL
 * functions (schema/functions/units.sql) check the rest and refuse with a
 * field and a Dutch message (422) or a stale version (412).  Every write
 * is one transaction on the write path (http/write.h).
 */
#include <stdio.h>
#include <stdlib.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "catalogue/units_db.h"
#include "core/json_fields.h"
#include "http/handlers.h"
#include "http/reply.h"
#include "http/write.h"

#define NOT_FOUND	"Deze activiteit bestaat niet (bij deze school)."
#define NO_SCHOOL	"Deze school bestaat niet."
#define NOT_OFFERED	"Deze activiteit bestaat niet (of is niet aangeboden)."

static const char *const	unit_kinds[] = { "les", "module", "programma",
				    "project", "activiteit", NULL };
static const char *const	apply_as[] = { "plans", "template", NULL };

/* An own activity; title and levels are required on create. */
static const struct field_spec	activity_fields[] = {
	FIELD("title",		FT_STRING,	1, 0, 200, 0, NULL),
	FIELD("summary",	FT_TEXT,	0, 0, 2000, 0, NULL),
	FIELD("levels",		FT_CODE_ARRAY,	1, 0, 100, 40, NULL),
	FIELD("duration_minutes", FT_INT,	0, 1, 1440, 0, NULL),
	FIELD("themes",		FT_STRING_ARRAY, 0, 0, 100, 20, NULL),
	FIELD("target_groups",	FT_STRING_ARRAY, 0, 0, 100, 20, NULL),
	FIELD("goals",		FT_STRING_ARRAY, 0, 0, 36, 50, NULL),
	FIELD("notes",		FT_TEXT,	0, 0, 4000, 0, NULL),
	FIELD("url",		FT_URL,		0, 0, 500, 0, NULL),
	FIELD("sensitive_topic", FT_BOOL,	0, 0, 0, 0, NULL),
	FIELD("offered",	FT_BOOL,	0, 0, 0, 0, NULL),
};

/* A curator's adoption into the catalogue: the source is required. */
static const struct field_spec	adopt_fields[] = {
	FIELD("source_url",	FT_URL,		1, 0, 500, 0, NULL),
	FIELD("source_excerpt",	FT_TEXT,	0, 0, 2000, 0, NULL),
	FIELD("kind",		FT_ENUM,	0, 0, 0, 0, unit_kinds),
	FIELD("title",		FT_STRING,	0, 0, 200, 0, NULL),
};

/* The request for a proposal. */
static const struct field_spec	proposal_fields[] = {
	FIELD("from",		FT_CODE,	1, 0, 9, 0, NULL),
	FIELD("to",		FT_CODE,	0, 0, 9, 0, NULL),
	FIELD("frameworks",	FT_CODE_ARRAY,	0, 0, 100, 20, NULL),
	FIELD("per_level",	FT_INT,		0, 1, 3, 0, NULL),
};

/* A reviewed proposal to apply; SQL checks every item. */
static const struct field_spec	apply_fields[] = {
	FIELD("as",		FT_ENUM,	1, 0, 0, 0, apply_as),
	FIELD("title",		FT_STRING,	0, 0, 200, 0, NULL),
	FIELD("items",		FT_OBJECT_ARRAY, 1, 0, 0, 2000, NULL),
};

/* A request being handled: its body, and the statement's answer. */
struct unit_req {
	json_t	*body;
	char	*doc;		/* the body as compact text */
	char	*json;		/* the statement's answer */
	char	 version[24];
};

static void
unit_req_free(struct unit_req *r)
{
	json_decref(r->body);
	free(r->doc);
	free(r->json);
}

/* The body checked against specs, and BEGIN; 0, or -1 after replying. */
static int
unit_start(struct api_ctx *ctx, struct unit_req *r,
    const struct field_spec *specs, size_t n, int mode)
{
	if (write_body(ctx, specs, n, mode, &r->body, &r->doc) == -1)
		return (-1);
	return (write_begin(ctx));
}

/*
 * The {id} school and its {activity} of the path, and the If-Match
 * version into r->version; 0, or -1 after replying (404, 428, 400).
 */
static int
unit_versioned(struct api_ctx *ctx, struct unit_req *r, const char **school,
    const char **id)
{
	if ((*school = api_path_uuid(ctx, "id", NOT_FOUND)) == NULL ||
	    (*id = api_path_uuid(ctx, "activity", NOT_FOUND)) == NULL)
		return (-1);
	return (write_if_match(ctx, r->version, sizeof(r->version)));
}

/*
 * The {id} of the path (404 with bad when it is no UUID), then the body
 * checked against specs for a create, and BEGIN: the id, or NULL after
 * replying.
 */
static const char *
unit_open(struct api_ctx *ctx, struct unit_req *r, const char *bad,
    const struct field_spec *specs, size_t n)
{
	const char	*id;

	if ((id = api_path_uuid(ctx, "id", bad)) == NULL ||
	    unit_start(ctx, r, specs, n, FIELD_CREATE) == -1)
		return (NULL);
	return (id);
}

/*
 * The end of a write whose statement returned rc and r->json: commit and
 * reply s with the document (its ETag when it has a version; Location
 * base + its id when base is not NULL), or roll back and reply.
 */
static void
unit_done(struct api_ctx *ctx, struct unit_req *r, enum db_result rc,
    const char *missing, enum app_status s, const char *base)
{
	json_t	*doc;

	if (write_end_doc(ctx, rc, r->json, missing, NULL, &doc) == -1)
		return;
	if (json_object_get(doc, "version") != NULL)
		write_etag(ctx, doc);
	api_location(ctx, base, json_string_value(json_object_get(doc, "id")));
	reply_json(ctx->req, s, doc);
}

/* GET /api/v1/schools/{id}/activities */
void
api_school_activities_list(struct api_ctx *ctx)
{
	api_reply_by_id(ctx, NO_SCHOOL, db_activity_list, NO_SCHOOL);
}

/* GET /api/v1/schools/{id}/activities/{activity} */
void
api_school_activity_get(struct api_ctx *ctx)
{
	const char	*school, *id;
	char		*json;
	enum db_result	 rc;

	if ((school = api_path_uuid(ctx, "id", NOT_FOUND)) == NULL ||
	    (id = api_path_uuid(ctx, "activity", NOT_FOUND)) == NULL)
		return;
	if ((rc = db_activity_get(school, id, &json)) == DB_OK)
		write_etag_text(ctx, json);
	api_reply_read(ctx, rc, &json, NOT_FOUND);
}

/* POST /api/v1/schools/{id}/activities */
void
api_school_activity_create(struct api_ctx *ctx)
{
	struct unit_req	 r = { 0 };
	const char	*school;
	char		 base[120];

	if ((school = unit_open(ctx, &r, NO_SCHOOL, activity_fields,
	    NFIELDS(activity_fields))) != NULL) {
		(void)snprintf(base, sizeof(base),
		    "/api/v1/schools/%s/activities/", school);
		unit_done(ctx, &r, db_activity_create(school,
		    ctx->who.user_id, r.doc, &r.json), NO_SCHOOL, ST_CREATED,
		    base);
	}
	unit_req_free(&r);
}

/* PATCH /api/v1/schools/{id}/activities/{activity} (If-Match) */
void
api_school_activity_update(struct api_ctx *ctx)
{
	struct unit_req	 r = { 0 };
	const char	*school, *id;

	if (unit_versioned(ctx, &r, &school, &id) == 0 &&
	    unit_start(ctx, &r, activity_fields, NFIELDS(activity_fields),
	    FIELD_PATCH) == 0)
		unit_done(ctx, &r, db_activity_update(school, id, r.doc,
		    r.version, &r.json), NOT_FOUND, ST_OK, NULL);
	unit_req_free(&r);
}

/* DELETE /api/v1/schools/{id}/activities/{activity} (If-Match) */
void
api_school_activity_delete(struct api_ctx *ctx)
{
	struct unit_req	 r = { 0 };
	const char	*school, *id;
	enum db_result	 rc;

	if (unit_versioned(ctx, &r, &school, &id) == -1 ||
	    write_begin(ctx) == -1)
		goto out;
	rc = db_activity_delete(school, id, r.version, &r.json);
	if (write_end(ctx, rc, r.json != NULL, NOT_FOUND, NULL) == 0)
		reply_json(ctx->req, ST_NO_CONTENT, NULL);
out:
	unit_req_free(&r);
}

/* GET /api/v1/activities/offered */
void
api_activities_offered(struct api_ctx *ctx)
{
	char	*json;

	api_reply_read(ctx, db_activity_offered(&json), &json, NOT_OFFERED);
}

/* POST /api/v1/activities/{id}/adopt {source_url, ...}: 201 */
void
api_activity_adopt(struct api_ctx *ctx)
{
	struct unit_req	 r = { 0 };
	const char	*id;

	if ((id = unit_open(ctx, &r, NOT_OFFERED, adopt_fields,
	    NFIELDS(adopt_fields))) != NULL)
		unit_done(ctx, &r, db_activity_adopt(id, r.doc, &r.json),
		    NOT_OFFERED, ST_CREATED, "/api/v1/lessons/");
	unit_req_free(&r);
}

/*
 * POST /api/v1/schools/{id}/proposal: computed, nothing changes (200).
 * It runs as a transaction of its own so that its refusals (LL422) are
 * answered like those of a write.
 */
void
api_school_proposal(struct api_ctx *ctx)
{
	struct unit_req	 r = { 0 };
	const char	*school;

	if ((school = unit_open(ctx, &r, NO_SCHOOL, proposal_fields,
	    NFIELDS(proposal_fields))) != NULL)
		unit_done(ctx, &r, db_proposal(school, r.doc, &r.json),
		    NO_SCHOOL, ST_OK, NULL);
	unit_req_free(&r);
}

/* POST /api/v1/schools/{id}/proposal/apply: plans or a template (201). */
void
api_school_proposal_apply(struct api_ctx *ctx)
{
	struct unit_req	 r = { 0 };
	const char	*school;

	if ((school = unit_open(ctx, &r, NO_SCHOOL, apply_fields,
	    NFIELDS(apply_fields))) != NULL)
		unit_done(ctx, &r, db_proposal_apply(school, ctx->who.user_id,
		    r.doc, &r.json), NO_SCHOOL, ST_CREATED, NULL);
	unit_req_free(&r);
}

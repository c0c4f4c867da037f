/*
 * catalogue_write_http: curators' changes to the catalogue.
 *
 *   POST   /api/v1/frameworks               PATCH /api/v1/frameworks/{code}
 *   POST   /api/v1/frameworks/{code}/goals  PATCH|DELETE /api/v1/goals/{id}
 *   POST   /api/v1/goals/{id}/relations     GET|DELETE /api/v1/relations/{id}
 *   POST   /api/v1/lessons                  PATCH|DELETE /api/v1/lessons/{id}
 *   POST   /api/v1/lessons/{id}/alignments  GET|DELETE /api/v1/alignments/{id}
 *
 * Each request is one transaction (write.c): the change and the read-back
 * of the reply run inside it, and any refusal rolls it back, so that a
 * refused request changes nothing.  Bodies are checked field by field
 * (catalogue_fields.c) before anything reaches the database; what only
 * the database can know (references, duplicates, the goal tree) it
 * refuses itself and the refusal becomes a problem document naming the
 * field.  Lessons are versioned (ETag / If-Match).  Role checks are the
 * dispatcher's (one rule per route): nothing here depends on who asks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "catalogue/catalogue_db.h"
#include "catalogue/catalogue_fields.h"
#include "catalogue/catalogue_write_db.h"
#include "catalogue/lessons_db.h"
#include "core/problem.h"
#include "http/handlers.h"
#include "http/reply.h"
#include "http/write.h"

#define CODE_MAX	100	/* a {code} path parameter, as in GET */
#define BAD_ID		"Niet gevonden (een id is een UUID)."

/* One change: the resource it is about, its body, and what came back. */
struct change {
	const char	*key;		/* {code} or {id}; NULL on create */
	char		 version[16];	/* If-Match (lessons) */
	json_t		*body;
	char		*doc;		/* body as JSON text for SQL */
	int		 levels;	/* the body has "levels" */
	char		*out;		/* id or code the statement returned */
	char		*json;		/* the document to reply with */
	const struct write_names *names;
};

static void
change_free(struct change *c)
{
	json_decref(c->body);
	free(c->doc);
	free(c->out);
	free(c->json);
	memset(c, 0, sizeof(*c));
}

/* The {code} or {id} path parameter into c->key; -1 after a 404. */
static int
change_key(struct api_ctx *ctx, struct change *c, const char *param)
{
	if (strcmp(param, "id") == 0)
		c->key = api_path_uuid(ctx, "id", BAD_ID);
	else
		c->key = api_path_code(ctx, param, CODE_MAX,
		    "Dit kader bestaat niet.");
	return (c->key != NULL ? 0 : -1);
}

/*
 * The first steps of a change: the path parameter param (NULL: none),
 * If-Match when versioned, the body (none for a delete: body NULL), and
 * BEGIN.  0, or -1 after replying.
 */
static int
change_start(struct api_ctx *ctx, struct change *c, const char *param,
    int versioned, const struct field_table *body, int mode)
{
	c->names = body != NULL ? &catalogue_change_names :
	    &catalogue_delete_names;
	if (param != NULL && change_key(ctx, c, param) == -1)
		return (-1);
	if (versioned && write_if_match(ctx, c->version,
	    sizeof(c->version)) == -1)
		return (-1);
	if (body != NULL) {
		if (write_body(ctx, body->specs, body->n, mode, &c->body,
		    &c->doc) == -1)
			return (-1);
		c->levels = json_object_get(c->body, "levels") != NULL;
	}
	return (write_begin(ctx));
}

/*
 * The end of a change whose statement returned rc and c->out: 404 with
 * missing when it found nothing (a create without missing: a fault);
 * else read the resource back with get (by the new key on a create)
 * inside the transaction, commit, and reply 201 with Location under
 * location (a create) or 200.  Lessons get their ETag.
 */
static void
change_finish(struct api_ctx *ctx, struct change *c, enum db_result rc,
    const char *missing, enum db_result (*get)(const char *, char **),
    const char *location)
{

	if (rc == DB_OK && c->out == NULL && missing == NULL)
		rc = DB_ERROR;
	if (rc != DB_OK || c->out == NULL) {
		(void)write_end(ctx, rc, 0, missing, c->names);
		return;
	}
	rc = get(location != NULL ? c->out : c->key, &c->json);
	if (write_end(ctx, rc == DB_OK && c->json == NULL ? DB_ERROR : rc,
	    1, NULL, c->names) == -1)
		return;
	api_location(ctx, location, c->out);
	if (get == db_lesson_get)
		write_etag_text(ctx, c->json);
	reply_json_text(ctx->req, location != NULL ? ST_CREATED : ST_OK,
	    c->json);
}

/* The end of a delete: 204, 404 with missing, 412, or 409 while in use. */
static void
change_deleted(struct api_ctx *ctx, struct change *c, enum db_result rc,
    const char *missing)
{
	if (write_end(ctx, rc, c->out != NULL, missing, c->names) == 0)
		reply_json(ctx->req, ST_NO_CONTENT, NULL);
}

void
api_framework_create(struct api_ctx *ctx)
{
	struct change	c = { 0 };

	if (change_start(ctx, &c, NULL, 0, &catalogue_framework_body,
	    FIELD_CREATE) == 0)
		change_finish(ctx, &c, db_framework_create(c.doc, &c.out),
		    NULL, db_framework_get, "/api/v1/frameworks/");
	change_free(&c);
}

void
api_framework_update(struct api_ctx *ctx)
{
	struct change	c = { 0 };

	/* The code is the framework's identity: PATCH takes the rest. */
	if (change_start(ctx, &c, "code", 0, &catalogue_framework_patch,
	    FIELD_PATCH) == 0)
		change_finish(ctx, &c, db_framework_update(c.key, c.doc,
		    &c.out), "Dit kader bestaat niet.", db_framework_get,
		    NULL);
	change_free(&c);
}

void
api_goal_create(struct api_ctx *ctx)
{
	struct change	c = { 0 };

	if (change_start(ctx, &c, "code", 0, &catalogue_goal_body,
	    FIELD_CREATE) == 0)
		change_finish(ctx, &c, db_goal_create(c.key, c.doc, c.levels,
		    &c.out), "Dit kader bestaat niet.", db_goal_get,
		    "/api/v1/goals/");
	change_free(&c);
}

void
api_goal_update(struct api_ctx *ctx)
{
	struct change	c = { 0 };

	if (change_start(ctx, &c, "id", 0, &catalogue_goal_body,
	    FIELD_PATCH) == 0)
		change_finish(ctx, &c, db_goal_update(c.key, c.doc, c.levels,
		    &c.out), "Dit leerdoel bestaat niet.", db_goal_get, NULL);
	change_free(&c);
}

void
api_goal_delete(struct api_ctx *ctx)
{
	struct change	c = { 0 };

	if (change_start(ctx, &c, "id", 0, NULL, 0) == 0)
		change_deleted(ctx, &c, db_goal_delete(c.key, &c.out),
		    "Dit leerdoel bestaat niet.");
	change_free(&c);
}

void
api_relation_create(struct api_ctx *ctx)
{
	struct change	c = { 0 };

	if (change_start(ctx, &c, "id", 0, &catalogue_relation_body,
	    FIELD_CREATE) == 0)
		change_finish(ctx, &c, db_relation_create(c.key, c.doc,
		    &c.out), "Dit leerdoel bestaat niet.", db_relation_get,
		    "/api/v1/relations/");
	change_free(&c);
}

void
api_relation_get(struct api_ctx *ctx)
{
	api_reply_by_id(ctx, BAD_ID, db_relation_get,
	    "Deze relatie bestaat niet.");
}

void
api_relation_delete(struct api_ctx *ctx)
{
	struct change	c = { 0 };

	if (change_start(ctx, &c, "id", 0, NULL, 0) == 0)
		change_deleted(ctx, &c, db_relation_delete(c.key, &c.out),
		    "Deze relatie bestaat niet.");
	change_free(&c);
}

void
api_lesson_create(struct api_ctx *ctx)
{
	struct change	c = { 0 };

	if (change_start(ctx, &c, NULL, 0, &catalogue_lesson_body,
	    FIELD_CREATE) == 0)
		change_finish(ctx, &c, db_lesson_create(c.doc, c.levels,
		    &c.out), NULL, db_lesson_get, "/api/v1/lessons/");
	change_free(&c);
}

void
api_lesson_update(struct api_ctx *ctx)
{
	struct change	c = { 0 };

	if (change_start(ctx, &c, "id", 1, &catalogue_lesson_body,
	    FIELD_PATCH) == 0)
		change_finish(ctx, &c, db_lesson_update(c.key, c.version,
		    c.doc, c.levels, &c.out), "Deze les bestaat niet.",
		    db_lesson_get, NULL);
	change_free(&c);
}

void
api_lesson_delete(struct api_ctx *ctx)
{
	struct change	c = { 0 };

	if (change_start(ctx, &c, "id", 1, NULL, 0) == 0)
		change_deleted(ctx, &c, db_lesson_delete(c.key, c.version,
		    &c.out), "Deze les bestaat niet.");
	change_free(&c);
}

void
api_alignment_create(struct api_ctx *ctx)
{
	struct change	c = { 0 };

	if (change_start(ctx, &c, "id", 0, &catalogue_alignment_body,
	    FIELD_CREATE) == 0)
		change_finish(ctx, &c, db_alignment_create(c.key, c.doc,
		    &c.out), "Deze les bestaat niet.", db_alignment_get,
		    "/api/v1/alignments/");
	change_free(&c);
}

void
api_alignment_get(struct api_ctx *ctx)
{
	api_reply_by_id(ctx, BAD_ID, db_alignment_get,
	    "Deze koppeling bestaat niet.");
}

void
api_alignment_delete(struct api_ctx *ctx)
{
	struct change	c = { 0 };

	if (change_start(ctx, &c, "id", 0, NULL, 0) == 0)
		change_deleted(ctx, &c, db_alignment_delete(c.key, &c.out),
		    "Deze koppeling bestaat niet.");
	change_free(&c);
}

/*
 * h_lessons: GET /api/v1/lessons (the lesson finder), /lessons/{id} and
 * /alignment-warnings.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "catalogue/lessons_db.h"
#include "http/handlers.h"
#include "http/write.h"
#include "catalogue/lesson_query.h"
#include "core/problem.h"
#include "http/reply.h"
#include "core/utf8.h"

#define WARN_LIMIT_DEFAULT	100
#define WARN_LIMIT_MAX		500

/*
 * Resolve q->goal to one goal id (written into id).  Returns ST_OK, or
 * replies 404 (no such goal) or 400 (ambiguous, with the candidates).
 */
static int
resolve_goal(struct api_ctx *ctx, const struct lesson_query *q, char *id,
    size_t idlen)
{
	enum db_result	 rc;
	json_t		*cands, *p;
	char		*json;
	int		 status;

	status = ST_INTERNAL;
	cands = NULL;
	if ((rc = db_goal_resolve(q->goal, q->framework, &json)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		return (status);
	}
	if (json == NULL) {
		api_reply_field(ctx, ST_NOT_FOUND, "Er is geen leerdoel met "
		    "deze id of code (in dit kader).", "goal",
		    "onbekend leerdoel");
		return (ST_NOT_FOUND);
	}
	if ((cands = json_loads(json, 0, NULL)) == NULL ||
	    json_array_size(cands) == 0) {
		reply_problem(ctx->req, ST_INTERNAL, NULL);
		goto out;
	}
	if (json_array_size(cands) > 1) {
		p = problem_new(ST_BAD_REQUEST, "Deze code komt in meer dan "
		    "een kader voor; kies er een met framework=.");
		if (p != NULL) {
			problem_add_error(p, "goal", "dubbelzinnige code");
			json_object_set(p, "candidates", cands);
		}
		reply_problem_doc(ctx->req, ST_BAD_REQUEST, p);
		status = ST_BAD_REQUEST;
		goto out;
	}
	(void)utf8_fmt(id, idlen, "%s", json_string_value(json_object_get(
	    json_array_get(cands, 0), "id")));
	status = ST_OK;
out:
	json_decref(cands);
	free(json);
	return (status);
}

/* Reply 400 naming the vocabulary parameters with unknown codes. */
static int
check_vocabulary(struct api_ctx *ctx, const struct lesson_query *q)
{
	struct param_errors	 e = { 0 };
	enum db_result		 rc;
	json_t			*bad, *v;
	char			*json;
	size_t			 i;
	int			 status;

	if (q->level == NULL && q->stage == NULL && q->evidence == NULL &&
	    q->programme == NULL)
		return (ST_OK);
	if ((rc = db_lesson_vocab_check(q, &json)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		return (ST_INTERNAL);
	}
	status = ST_OK;
	bad = json != NULL ? json_loads(json, 0, NULL) : NULL;
	json_array_foreach(bad, i, v)
		param_error(&e, json_string_value(v), "onbekende code");
	if (e.n > 0) {
		/* The field names point into bad: reply before freeing it. */
		api_reply_param_errors(ctx, &e);
		status = ST_BAD_REQUEST;
	}
	json_decref(bad);
	free(json);
	return (status);
}

/*
 * A school's own units are shown to those who may read the school; for
 * anyone else the school parameter is a 404 (do not reveal the school).
 */
static int
check_school(struct api_ctx *ctx, const char *school)
{
	enum db_result	rc;
	int		ok;

	if (!ctx->who.authenticated) {
		api_reply_unauthorized(ctx, "Log in om de eigen activiteiten "
		    "van je school te zien.");
		return (ST_UNAUTHORIZED);
	}
	if ((rc = db_school_readable(ctx->who.user_id, school, &ok)) !=
	    DB_OK) {
		api_reply_db_error(ctx, rc);
		return (ST_INTERNAL);
	}
	if (!ok) {
		api_reply_field(ctx, ST_NOT_FOUND, "Deze school bestaat niet, "
		    "of je hoort er niet bij.", "school", "onbekende school");
		return (ST_NOT_FOUND);
	}
	return (ST_OK);
}

void
api_lessons_find(struct api_ctx *ctx)
{
	struct lesson_query	 q;
	struct param_errors	 e;
	char			 goal_id[64], *json;
	int			 status;

	if (lesson_query_parse(&q, api_query, ctx, &e) > 0) {
		api_reply_param_errors(ctx, &e);
		return;
	}
	if (q.goal != NULL &&
	    (status = resolve_goal(ctx, &q, goal_id, sizeof(goal_id))) != ST_OK)
		return;
	if ((status = check_vocabulary(ctx, &q)) != ST_OK)
		return;
	if (q.school != NULL && check_school(ctx, q.school) != ST_OK)
		return;
	api_reply_read(ctx, db_lessons_find(&q, q.goal != NULL ? goal_id : NULL,
	    &json), &json, "Geen lessen.");
}

void
api_lesson_get(struct api_ctx *ctx)
{
	const char	*id;
	enum db_result	 rc;
	json_t		*doc;
	const char	*status;
	char		*json;

	id = router_param(&ctx->match, "id");
	if (!param_is_uuid(id)) {
		reply_problem(ctx->req, ST_NOT_FOUND, "Deze les bestaat niet "
		    "(een id is een UUID).");
		return;
	}
	if ((rc = db_lesson_get_for(id, ctx->who.authenticated ?
	    ctx->who.user_id : NULL, &json)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		return;
	}
	/*
	 * A lesson that is not published is the curators' only; the version
	 * is the lesson's ETag, for If-Match on writes.
	 */
	if (json != NULL && (doc = json_loads(json, 0, NULL)) != NULL) {
		status = json_string_value(json_object_get(doc, "status"));
		if (!api_sees_drafts(ctx) &&
		    (status == NULL || strcmp(status, "published") != 0)) {
			free(json);
			json = NULL;
		} else
			write_etag(ctx, doc);
		json_decref(doc);
	}
	api_reply_document(ctx, json, "Deze les bestaat niet.");
}

void
api_alignment_warnings(struct api_ctx *ctx)
{
	char			*json;
	long			 limit, offset;

	if (api_paging(ctx, WARN_LIMIT_DEFAULT, WARN_LIMIT_MAX, &limit,
	    &offset) == -1)
		return;
	api_reply_read(ctx, db_alignment_warnings(limit, offset,
	    api_sees_drafts(ctx), &json), &json,
	    "Geen meldingen.");
}

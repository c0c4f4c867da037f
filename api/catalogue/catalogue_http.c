/*
 * h_catalogue: GET /api/v1/frameworks[/{code}[/goals]], /goals[/{id}]
 * and /levels — the published catalogue, read-only.
 */
#include <kore/kore.h>
#include <kore/http.h>

#include "catalogue/catalogue_db.h"
#include "http/handlers.h"
#include "catalogue/goal_tree_json.h"
#include "core/params.h"
#include "http/reply.h"

#define LIST_LIMIT_DEFAULT	50
#define LIST_LIMIT_MAX		500
#define CODE_MAX		100

int
api_frameworks_list(struct api_ctx *ctx)
{
	struct param_errors	 e = { 0 };
	enum db_result		 rc;
	char			*json;
	long			 limit, offset;

	param_paging(api_query(ctx, "limit"), api_query(ctx, "offset"),
	    LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX, &limit, &offset, &e);
	if (e.n > 0) {
		api_reply_param_errors(ctx, &e);
		return (ST_BAD_REQUEST);
	}
	if ((rc = db_frameworks_list(limit, offset, &json)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		return (ST_INTERNAL);
	}
	api_reply_document(ctx, json, "Geen kaders.");
	return (ST_OK);
}

/* The {code} path parameter, or NULL after a 404 reply. */
static const char *
framework_code(struct api_ctx *ctx)
{
	const char	*code;

	code = router_param(&ctx->match, "code");
	if (!param_is_code(code, CODE_MAX)) {
		reply_problem(ctx->req, ST_NOT_FOUND,
		    "Dit kader bestaat niet.");
		return (NULL);
	}
	return (code);
}

int
api_framework_get(struct api_ctx *ctx)
{
	const char	*code;
	enum db_result	 rc;
	char		*json;

	if ((code = framework_code(ctx)) == NULL)
		return (ST_NOT_FOUND);
	if ((rc = db_framework_get(code, &json)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		return (ST_INTERNAL);
	}
	api_reply_document(ctx, json, "Dit kader bestaat niet.");
	return (ST_OK);
}

int
api_framework_goals(struct api_ctx *ctx)
{
	const char	*code;
	enum db_result	 rc;
	json_t		*doc, *tree;
	char		*json;
	int		 status;

	status = ST_INTERNAL;
	doc = NULL;
	json = NULL;
	if ((code = framework_code(ctx)) == NULL)
		return (ST_NOT_FOUND);
	if ((rc = db_framework_goals(code, &json)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		goto out;
	}
	if (json == NULL) {
		reply_problem(ctx->req, ST_NOT_FOUND, "Dit kader bestaat niet.");
		status = ST_NOT_FOUND;
		goto out;
	}
	if ((doc = json_loads(json, 0, NULL)) == NULL ||
	    (tree = json_tree_nest(json_object_get(doc, "goals"), "goal")) ==
	    NULL) {
		reply_problem(ctx->req, ST_INTERNAL, NULL);
		goto out;
	}
	json_object_set_new(doc, "goals", tree);
	reply_json(ctx->req, ST_OK, doc);
	doc = NULL;
	status = ST_OK;
out:
	json_decref(doc);
	free(json);
	return (status);
}

int
api_goals_find(struct api_ctx *ctx)
{
	struct param_errors	 e = { 0 };
	const char		*framework, *code, *q;
	enum db_result		 rc;
	char			*json;
	long			 limit, offset;

	framework = api_query(ctx, "framework");
	code = api_query(ctx, "code");
	q = api_query(ctx, "q");
	if (framework != NULL && !param_is_code(framework, CODE_MAX))
		param_error(&e, "framework", "moet de code van een kader zijn");
	if (code != NULL && !param_is_code(code, CODE_MAX))
		param_error(&e, "code", "moet de code van een leerdoel zijn");
	if (q != NULL && !param_text_ok(q, 200))
		param_error(&e, "q", "zoektekst moet 1 tot 200 tekens lang "
		    "zijn");
	param_paging(api_query(ctx, "limit"), api_query(ctx, "offset"),
	    LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX, &limit, &offset, &e);
	if (e.n > 0) {
		api_reply_param_errors(ctx, &e);
		return (ST_BAD_REQUEST);
	}
	if ((rc = db_goals_find(framework, code, q, limit, offset, &json)) !=
	    DB_OK) {
		api_reply_db_error(ctx, rc);
		return (ST_INTERNAL);
	}
	api_reply_document(ctx, json, "Geen leerdoelen.");
	return (ST_OK);
}

int
api_goal_get(struct api_ctx *ctx)
{
	const char	*id;
	enum db_result	 rc;
	char		*json;

	id = router_param(&ctx->match, "id");
	if (!param_is_uuid(id)) {
		reply_problem(ctx->req, ST_NOT_FOUND, "Dit leerdoel bestaat "
		    "niet (een id is een UUID).");
		return (ST_NOT_FOUND);
	}
	if ((rc = db_goal_read(id, (ctx->who.roles & (ROLE_ADMIN |
	    ROLE_CURATOR)) != 0, &json)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		return (ST_INTERNAL);
	}
	api_reply_document(ctx, json, "Dit leerdoel bestaat niet.");
	return (ST_OK);
}

int
api_levels_list(struct api_ctx *ctx)
{
	enum db_result	 rc;
	char		*json;

	if ((rc = db_levels_list(&json)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		return (ST_INTERNAL);
	}
	api_reply_document(ctx, json, "Geen niveaus.");
	return (ST_OK);
}

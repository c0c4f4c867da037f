/*
 * h_catalogue: GET /api/v1/frameworks[/{code}[/goals]], /goals[/{id}]
 * and /levels — the published catalogue, read-only.
 */
#include <kore/kore.h>
#include <kore/http.h>

#include "catalogue/catalogue_db.h"
#include "http/handlers.h"
#include "http/write.h"
#include "catalogue/goal_tree_json.h"
#include "core/params.h"
#include "http/reply.h"

#define LIST_LIMIT_DEFAULT	50
#define LIST_LIMIT_MAX		500
#define CODE_MAX		100

void
api_frameworks_list(struct api_ctx *ctx)
{
	char			*json;
	long			 limit, offset;

	if (api_paging(ctx, LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX, &limit,
	    &offset) == -1)
		return;
	api_reply_read(ctx, db_frameworks_list(limit, offset, &json), &json,
	    "Geen kaders.");
}

/* The {code} path parameter, or NULL after a 404 reply. */
static const char *
framework_code(struct api_ctx *ctx)
{
	return (api_path_code(ctx, "code", CODE_MAX,
	    "Dit kader bestaat niet."));
}

void
api_framework_get(struct api_ctx *ctx)
{
	const char	*code;
	char		*json;

	if ((code = framework_code(ctx)) == NULL)
		return;
	api_reply_read(ctx, db_framework_get(code, &json), &json,
	    "Dit kader bestaat niet.");
}

void
api_framework_goals(struct api_ctx *ctx)
{
	const char	*code;
	enum db_result	 rc;
	json_t		*doc, *tree;
	char		*json;

	doc = NULL;
	json = NULL;
	if ((code = framework_code(ctx)) == NULL)
		return;
	if ((rc = db_framework_goals(code, &json)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		goto out;
	}
	if (json == NULL) {
		reply_problem(ctx->req, ST_NOT_FOUND, "Dit kader bestaat niet.");
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
out:
	json_decref(doc);
	free(json);
}

void
api_goals_find(struct api_ctx *ctx)
{
	struct param_errors	 e = { 0 };
	const char		*framework, *code, *q;
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
		return;
	}
	api_reply_read(ctx, db_goals_find(framework, code, q, limit, offset,
	    &json), &json, "Geen leerdoelen.");
}

void
api_goal_get(struct api_ctx *ctx)
{
	const char	*id;
	char		*json;

	id = router_param(&ctx->match, "id");
	if (!param_is_uuid(id)) {
		reply_problem(ctx->req, ST_NOT_FOUND, "Dit leerdoel bestaat "
		    "niet (een id is een UUID).");
		return;
	}
	api_reply_read(ctx, db_goal_read(id, api_sees_drafts(ctx), &json),
	    &json, "Dit leerdoel bestaat niet.");
}

void
api_levels_list(struct api_ctx *ctx)
{
	char		*json;

	api_reply_read(ctx, db_levels_list(&json), &json, "Geen niveaus.");
}

/*
 * plan_items_http: the items of a school-year plan.
 *
 *   POST             /api/v1/plans/{id}/items
 *   GET|PATCH|DELETE /api/v1/plans/{id}/items/{item}
 *   POST             /api/v1/plans/{id}/bulk
 *
 * Who may change what on an item is the authorization table's
 * (authz_item_edit()); the dates of an item are checked in plan_fields.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "accounts/auth_db.h"
#include "core/problem.h"
#include "http/handlers.h"
#include "http/reply.h"
#include "planning/planning_http.h"
#include "planning/plans_db.h"
#include "planning/plans_json.h"

/* Reply s with one item of a plan (ETag: the item's version). */
static void
reply_item(struct api_ctx *ctx, const char *plan, const char *item,
    enum app_status s, int location)
{
	json_t	*doc, *it;
	char	 loc[160];

	if ((doc = plan_checked(ctx, plan)) == NULL)
		return;
	if ((it = json_plan_item(doc, item)) == NULL) {
		json_decref(doc);
		reply_problem(ctx->req, ST_NOT_FOUND, ITEM_MISSING);
		return;
	}
	json_incref(it);
	json_decref(doc);
	if (location) {
		(void)snprintf(loc, sizeof(loc), "/api/v1/plans/%s/items/%s",
		    plan, item);
		http_response_header(ctx->req, "location", loc);
	}
	write_etag(ctx, it);
	reply_json(ctx->req, s, it);
}

/* POST /api/v1/plans/{id}/items (If-Match: the plan's version) */
void
api_plan_item_create(struct api_ctx *ctx)
{
	struct plan_req	 r = { 0 };
	const char	*plan;
	enum db_result	 rc;

	if ((plan = plan_open(ctx, &r, "plan", NULL, PLAN_VERSIONED)) ==
	    NULL || plan_body(ctx, &r, NULL, FIELD_CREATE, 0) == -1 ||
	    write_begin(ctx) == -1)
		goto out;
	rc = db_plan_item_create(plan, r.version, r.doc, &r.out);
	if (write_end(ctx, rc, r.out != NULL, PLAN_MISSING, &plan_names) == 0)
		reply_item(ctx, plan, r.out, ST_CREATED, 1);
out:
	plan_req_free(&r);
}

/* GET /api/v1/plans/{id}/items/{item} */
void
api_plan_item_get(struct api_ctx *ctx)
{
	struct plan_req	 r = { 0 };
	const char	*plan, *item;

	if ((plan = plan_open(ctx, &r, "plan", &item, PLAN_READ)) != NULL)
		reply_item(ctx, plan, item, ST_OK, 0);
	plan_req_free(&r);
}

/*
 * Whose items ctx->who may change on the school of r with the body r
 * (authz_item_edit()): *teacher NULL for every item, else only the
 * caller's own.  0, or -1 after replying (403, or 5xx).
 */
static int
item_edit(struct api_ctx *ctx, const struct plan_req *r,
    const char **teacher)
{
	struct school_facts	f;
	enum db_result		rc;

	*teacher = NULL;
	if ((rc = db_school_facts(ctx->who.user_id, r->school, &f)) !=
	    DB_OK) {
		api_reply_db_error(ctx, rc);
		return (-1);
	}
	switch (authz_item_edit(&ctx->who, &f)) {
	case AUTHZ_ITEM_ALL:
		return (0);
	case AUTHZ_ITEM_OWN:
		if (!authz_teacher_may_change(r->body)) {
			reply_problem(ctx->req, ST_FORBIDDEN, "Een leraar past "
			    "alleen de status, de datum van geven, notities en "
			    "de voorbereiding van de eigen lessen aan.");
			return (-1);
		}
		*teacher = ctx->who.user_id;
		return (0);
	default:
		reply_problem(ctx->req, ST_FORBIDDEN, "Je mag dit jaarplan "
		    "alleen bekijken.");
		return (-1);
	}
}

/*
 * PATCH /api/v1/plans/{id}/items/{item} (If-Match: the item's version).
 * Coordinators change everything; a teacher only the status, the date
 * given, the notes and the safety preparation of their own items.
 */
void
api_plan_item_update(struct api_ctx *ctx)
{
	struct plan_req	 r = { 0 };
	const char	*plan, *item, *teacher;
	enum db_result	 rc;

	if ((plan = plan_open(ctx, &r, "plan", &item, PLAN_VERSIONED)) ==
	    NULL || plan_body(ctx, &r, NULL, FIELD_PATCH, 0) == -1 ||
	    item_edit(ctx, &r, &teacher) == -1 || write_begin(ctx) == -1)
		goto out;
	rc = db_plan_item_update(plan, item, r.version, r.doc, teacher,
	    &r.out);
	if (rc == DB_OK && r.out != NULL && strcmp(r.out, "forbidden") == 0) {
		db_rollback();
		reply_problem(ctx->req, ST_FORBIDDEN, "Dit onderdeel is niet "
		    "aan jou toegewezen.");
		goto out;
	}
	if (write_end(ctx, rc, r.out != NULL, ITEM_MISSING, &plan_names) == 0)
		reply_item(ctx, plan, item, ST_OK, 0);
out:
	plan_req_free(&r);
}

/* DELETE /api/v1/plans/{id}/items/{item} (If-Match: the item's version) */
void
api_plan_item_delete(struct api_ctx *ctx)
{
	plan_delete(ctx, "plan", 1, ITEM_MISSING);
}

/*
 * POST /api/v1/plans/{id}/bulk (If-Match: the plan's version):
 * {create: [item], update: [{id, version?, ...}], delete: [{id, version?}]}
 * in one transaction; replies with the whole plan.
 */
void
api_plan_bulk(struct api_ctx *ctx)
{
	plan_change(ctx, &plan_bulk_body, plan_check_bulk, db_plan_bulk);
}

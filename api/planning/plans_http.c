/*
 * plans_http: school-year plans.
 *
 *   GET|POST         /api/v1/schools/{id}/plans
 *   GET              /api/v1/schools/{id}/leerlijn
 *   GET|PATCH|DELETE /api/v1/plans/{id}
 *   POST             /api/v1/plans/{id}/copy
 *
 * Their items are in plan_items_http.c, templates in templates_http.c,
 * exports and calendar feeds in plan_exports_http.c; what they share in
 * planning_http.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/handlers.h"
#include "planning/planning_http.h"
#include "planning/plans_db.h"
#include "planning/school_calendar.h"

#define LIST_DEFAULT	50
#define LIST_MAX	200

/* GET /api/v1/schools/{id}/plans */
void
api_school_plans_list(struct api_ctx *ctx)
{
	const char	*school, *year;
	char		 limit[16], offset[16], *json;
	long		 l, o;

	if ((school = api_path_uuid(ctx, "id", PLAN_NOT_FOUND)) == NULL ||
	    plan_year_param(ctx, "school_year", &year) == -1 ||
	    api_paging(ctx, LIST_DEFAULT, LIST_MAX, &l, &o) == -1)
		return;
	(void)snprintf(limit, sizeof(limit), "%ld", l);
	(void)snprintf(offset, sizeof(offset), "%ld", o);
	api_reply_read(ctx, db_plan_list(school, year, limit, offset, &json),
	    &json, "Deze school bestaat niet.");
}

/*
 * 0 when the school year of the body (required: a new plan) is well
 * formed, else -1 after a 422 (example: an example of one).
 */
static int
check_year(struct api_ctx *ctx, const json_t *body, int required,
    const char *example)
{
	const char	*year;
	char		 msg[64];

	year = json_string_value(json_object_get(body, "school_year"));
	if ((year == NULL && !required) ||
	    (year != NULL && school_year_parse(year) != -1))
		return (0);
	(void)snprintf(msg, sizeof(msg), "schrijf een schooljaar, zoals %s",
	    example);
	api_reply_field(ctx, ST_UNPROCESSABLE, "Controleer de gemarkeerde "
	    "velden.", "school_year", msg);
	return (-1);
}

/* POST /api/v1/schools/{id}/plans */
void
api_school_plan_create(struct api_ctx *ctx)
{
	struct plan_req	 r = { 0 };
	const char	*school;

	if ((school = api_path_uuid(ctx, "id", PLAN_NOT_FOUND)) != NULL &&
	    plan_body(ctx, &r, &plan_create_body, FIELD_CREATE, 0) == 0 &&
	    check_year(ctx, r.body, 1, "2026-2027") == 0)
		plan_created(ctx, &r, school, NULL, db_plan_create, plan_reply);
	plan_req_free(&r);
}

/* GET /api/v1/plans/{id} */
void
api_plan_get(struct api_ctx *ctx)
{
	plan_get_one(ctx, "plan", plan_reply);
}

/* PATCH /api/v1/plans/{id} */
void
api_plan_update(struct api_ctx *ctx)
{
	plan_change(ctx, &plan_patch_body, NULL, db_plan_update);
}

/* DELETE /api/v1/plans/{id} */
void
api_plan_delete(struct api_ctx *ctx)
{
	plan_delete(ctx, "plan", 0, PLAN_MISSING);
}

/* POST /api/v1/plans/{id}/copy {school_year?, title?}: 201, a new plan. */
void
api_plan_copy(struct api_ctx *ctx)
{
	struct plan_req	 r = { 0 };
	const char	*plan;

	if ((plan = plan_open(ctx, &r, "plan", NULL, PLAN_WRITE)) != NULL &&
	    plan_body(ctx, &r, &plan_copy_body, FIELD_CREATE, 1) == 0 &&
	    check_year(ctx, r.body, 0, "2027-2028") == 0)
		plan_created(ctx, &r, plan, PLAN_MISSING, db_plan_copy,
		    plan_reply);
	plan_req_free(&r);
}

/* GET /api/v1/schools/{id}/leerlijn?from=&to= */
void
api_school_leerlijn(struct api_ctx *ctx)
{
	const char	*school, *from, *to;
	char		*json;

	if ((school = api_path_uuid(ctx, "id", PLAN_NOT_FOUND)) == NULL ||
	    plan_year_param(ctx, "from", &from) == -1 ||
	    plan_year_param(ctx, "to", &to) == -1)
		return;
	api_reply_read(ctx, db_plan_leerlijn(school, from, to, &json), &json,
	    "Deze school bestaat niet.");
}

/*
 * templates_http: programme templates, from which plans are made.
 *
 *   GET|POST         /api/v1/schools/{id}/templates
 *   GET|DELETE       /api/v1/templates/{id}
 *   POST             /api/v1/templates/{id}/apply
 */
#include <stdlib.h>

#include "http/handlers.h"
#include "planning/planning_http.h"
#include "planning/plans_db.h"
#include "planning/school_calendar.h"

/* GET /api/v1/schools/{id}/templates */
void
api_school_templates_list(struct api_ctx *ctx)
{
	api_reply_by_id(ctx, PLAN_NOT_FOUND, db_plan_template_list,
	    "Deze school bestaat niet.");
}

/*
 * POST /api/v1/schools/{id}/templates {title, description?, items} or
 * {title, description?, from_plan}
 */
void
api_school_template_create(struct api_ctx *ctx)
{
	struct plan_req	 r = { 0 };
	const char	*school;

	if ((school = api_path_uuid(ctx, "id", PLAN_NOT_FOUND)) != NULL &&
	    plan_body_checked(ctx, &r, &plan_template_body, FIELD_CREATE,
	    plan_check_template) == 0)
		plan_created(ctx, &r, school, NULL, db_plan_template_create,
		    plan_reply_template);
	plan_req_free(&r);
}

/* GET /api/v1/templates/{id} */
void
api_template_get(struct api_ctx *ctx)
{
	plan_get_one(ctx, "template", plan_reply_template);
}

/* DELETE /api/v1/templates/{id} */
void
api_template_delete(struct api_ctx *ctx)
{
	plan_delete(ctx, "template", 0, TEMPLATE_MISSING);
}

/*
 * POST /api/v1/templates/{id}/apply {school_year, title?}: 201 with a new
 * plan; {plan_id} with If-Match (that plan's version): 200, the items
 * added to that plan.
 */
void
api_template_apply(struct api_ctx *ctx)
{
	struct plan_req	 r = { 0 };
	const char	*id, *year, *into;
	enum db_result	 rc;

	if ((id = plan_open(ctx, &r, "template", NULL, PLAN_WRITE)) == NULL ||
	    plan_body(ctx, &r, &plan_apply_body, FIELD_CREATE, 0) == -1)
		goto out;
	year = json_string_value(json_object_get(r.body, "school_year"));
	into = json_string_value(json_object_get(r.body, "plan_id"));
	if ((year == NULL) == (into == NULL) ||
	    (year != NULL && school_year_parse(year) == -1)) {
		api_reply_field(ctx, ST_UNPROCESSABLE, "Controleer de "
		    "gemarkeerde velden.", "school_year", "geef een schooljaar "
		    "(zoals 2027-2028) voor een nieuw jaarplan, of plan_id");
		goto out;
	}
	if ((into != NULL && write_if_match(ctx, r.version,
	    sizeof(r.version)) == -1) || write_begin(ctx) == -1)
		goto out;
	rc = db_plan_template_apply(id, r.doc, into != NULL ? r.version :
	    NULL, &r.out);
	if (write_end(ctx, rc, r.out != NULL, TEMPLATE_MISSING,
	    &plan_names) == 0)
		plan_reply(ctx, r.out, into != NULL ? ST_OK : ST_CREATED,
		    into == NULL);
out:
	plan_req_free(&r);
}

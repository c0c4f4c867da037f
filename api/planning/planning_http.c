/*
 * planning_http: what the handlers of school-year planning share.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "core/problem.h"
#include "db/db_read.h"
#include "http/reply.h"
#include "planning/planning_http.h"
#include "planning/plans_db.h"
#include "planning/plans_json.h"
#include "planning/school_calendar.h"

const struct write_names	plan_names = { "title", NULL, 0, 0 };

void
plan_req_free(struct plan_req *r)
{
	json_decref(r->body);
	free(r->doc);
	free(r->school);
	free(r->out);
	memset(r, 0, sizeof(*r));
}

int
plan_resource(struct api_ctx *ctx, struct plan_req *r, const char *kind,
    const char *id, int write)
{
	enum db_result	rc;

	if ((rc = db_plan_school_of(kind, id, &r->school)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		return (-1);
	}
	if (r->school == NULL) {
		reply_problem(ctx->req, ST_NOT_FOUND, strcmp(kind, "plan") == 0 ?
		    PLAN_MISSING : TEMPLATE_MISSING);
		return (-1);
	}
	return (api_school_access(ctx, r->school, write));
}

const char *
plan_open(struct api_ctx *ctx, struct plan_req *r, const char *kind,
    const char **item, int mode)
{
	const char	*id;

	if ((id = api_path_uuid(ctx, "id", PLAN_NOT_FOUND)) == NULL ||
	    (item != NULL && (*item = api_path_uuid(ctx, "item",
	    PLAN_NOT_FOUND)) == NULL) ||
	    plan_resource(ctx, r, kind, id, mode != PLAN_READ) == -1 ||
	    (mode == PLAN_VERSIONED && write_if_match(ctx, r->version,
	    sizeof(r->version)) == -1))
		return (NULL);
	return (id);
}

int
plan_reply_errors(struct api_ctx *ctx, struct field_errors *e)
{
	if (e->n == 0)
		return (0);
	reply_problem_doc(ctx->req, ST_UNPROCESSABLE, e->problem);
	e->problem = NULL;
	return (-1);
}

int
plan_body(struct api_ctx *ctx, struct plan_req *r,
    const struct field_table *t, int mode, int empty_ok)
{
	struct field_errors	e = { NULL, 0 };

	if (empty_ok && ctx->body_len == 0)
		r->body = json_object();
	else if (api_json_body(ctx, &r->body) == -1)
		return (-1);
	if (r->body == NULL ||
	    (r->doc = json_dumps(r->body, JSON_COMPACT)) == NULL) {
		reply_problem(ctx->req, ST_INTERNAL, NULL);
		return (-1);
	}
	if (t == NULL)
		plan_check_item(r->body, mode, &e);
	else
		plan_check_fields(r->body, t->specs, t->n, mode, "", &e);
	return (plan_reply_errors(ctx, &e));
}

int
plan_body_checked(struct api_ctx *ctx, struct plan_req *r,
    const struct field_table *t, int mode,
    void (*check)(const json_t *, struct field_errors *))
{
	struct field_errors	e = { NULL, 0 };

	if (plan_body(ctx, r, t, mode, 0) == -1)
		return (-1);
	if (check != NULL)
		check(r->body, &e);
	return (plan_reply_errors(ctx, &e));
}

void
plan_change(struct api_ctx *ctx, const struct field_table *t,
    void (*check)(const json_t *, struct field_errors *),
    enum db_result (*change)(const char *, const char *, const char *,
    char **))
{
	struct plan_req	 r = { 0 };
	const char	*plan;
	enum db_result	 rc;

	if ((plan = plan_open(ctx, &r, "plan", NULL, PLAN_VERSIONED)) ==
	    NULL || plan_body_checked(ctx, &r, t, FIELD_PATCH, check) == -1 ||
	    write_begin(ctx) == -1)
		goto out;
	rc = change(plan, r.version, r.doc, &r.out);
	if (write_end(ctx, rc, r.out != NULL, PLAN_MISSING, &plan_names) == 0)
		plan_reply(ctx, plan, ST_OK, 0);
out:
	plan_req_free(&r);
}

void
plan_created(struct api_ctx *ctx, struct plan_req *r, const char *id,
    const char *missing,
    enum db_result (*create)(const char *, const char *, char **),
    void (*reply)(struct api_ctx *, const char *, enum app_status, int))
{
	enum db_result	rc;

	if (write_begin(ctx) == -1)
		return;
	rc = create(id, r->doc, &r->out);
	if (write_end(ctx, rc, r->out != NULL, missing, &plan_names) == 0)
		reply(ctx, r->out, ST_CREATED, 1);
}

int
plan_year_param(struct api_ctx *ctx, const char *key, const char **out)
{
	*out = api_query(ctx, key);
	if (*out != NULL && school_year_parse(*out) == -1) {
		api_reply_param_error(ctx, key, "schrijf een schooljaar, zoals "
		    "2026-2027");
		return (-1);
	}
	return (0);
}

json_t *
plan_checked_from(struct api_ctx *ctx, const char *plan,
    struct db_freshness *export_f)
{
	enum db_result	 rc;
	json_t		*doc;
	char		*text;

	if (export_f != NULL) {
		rc = db_plan_doc_read(plan, &text, export_f);
		api_freshness_header(ctx, export_f);
	} else
		rc = db_plan_doc(plan, &text);
	if (rc != DB_OK) {
		api_reply_db_error(ctx, rc);
		return (NULL);
	}
	if (text == NULL) {
		reply_problem(ctx->req, ST_NOT_FOUND, PLAN_MISSING);
		return (NULL);
	}
	doc = json_plan_checked(text);
	free(text);
	if (doc == NULL)
		reply_problem(ctx->req, ST_INTERNAL, NULL);
	return (doc);
}

json_t *
plan_checked(struct api_ctx *ctx, const char *plan)
{
	return (plan_checked_from(ctx, plan, NULL));
}

/* Reply s with doc (consumed; ETag: its version), Location base + id. */
static void
reply_versioned(struct api_ctx *ctx, json_t *doc, enum app_status s,
    const char *base, const char *id)
{
	api_location(ctx, base, id);
	write_etag(ctx, doc);
	reply_json(ctx->req, s, doc);
}

void
plan_reply(struct api_ctx *ctx, const char *plan, enum app_status s,
    int location)
{
	json_t	*doc;

	if ((doc = plan_checked(ctx, plan)) != NULL)
		reply_versioned(ctx, doc, s, location ? "/api/v1/plans/" :
		    NULL, plan);
}

void
plan_reply_template(struct api_ctx *ctx, const char *id, enum app_status s,
    int location)
{
	enum db_result	 rc;
	json_t		*doc;
	char		*text;

	if ((rc = db_plan_template_doc(id, &text)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		return;
	}
	if (text == NULL) {
		reply_problem(ctx->req, ST_NOT_FOUND, TEMPLATE_MISSING);
		return;
	}
	doc = json_loads(text, 0, NULL);
	free(text);
	if (doc == NULL) {
		reply_problem(ctx->req, ST_INTERNAL, NULL);
		return;
	}
	reply_versioned(ctx, doc, s, location ? "/api/v1/templates/" : NULL,
	    id);
}

void
plan_get_one(struct api_ctx *ctx, const char *kind,
    void (*reply)(struct api_ctx *, const char *, enum app_status, int))
{
	struct plan_req	 r = { 0 };
	const char	*id;

	if ((id = plan_open(ctx, &r, kind, NULL, PLAN_READ)) != NULL)
		reply(ctx, id, ST_OK, 0);
	plan_req_free(&r);
}

void
plan_delete(struct api_ctx *ctx, const char *kind, int with_item,
    const char *missing)
{
	struct plan_req	 r = { 0 };
	const char	*id, *item;
	enum db_result	 rc;

	item = NULL;
	if ((id = plan_open(ctx, &r, kind, with_item ? &item : NULL,
	    PLAN_VERSIONED)) == NULL || write_begin(ctx) == -1)
		goto out;
	if (strcmp(kind, "template") == 0)
		rc = db_plan_template_delete(id, r.version, &r.out);
	else if (item != NULL)
		rc = db_plan_item_delete(id, item, r.version, &r.out);
	else
		rc = db_plan_delete(id, r.version, &r.out);
	if (write_end(ctx, rc, r.out != NULL, missing, &plan_names) == 0)
		reply_json(ctx->req, ST_NO_CONTENT, NULL);
out:
	plan_req_free(&r);
}

/*
 * h_coverage: the coverage reports (read only).
 *
 *   GET /api/v1/plans/{id}/coverage
 *   GET /api/v1/schools/{id}/coverage?years=&framework=&via=&overlap=
 *   GET /api/v1/reports/coverage?years=&framework=&via=&type=&region=
 *       &school=
 *
 * Every one takes format=json (default), csv (dialect=excel-nl for a
 * Dutch Excel), html or xlsx.  The school route is
 * checked by the dispatcher; for a plan the handler finds its school and
 * calls api_school_access(); the aggregate covers the schools the caller
 * may read (schema/0061), and school= drills down to one of them with the
 * same check as the school route.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>
#include <kore/http.h>

#include "http/authz.h"
#include "coverage/coverage_report.h"
#include "core/xlsx.h"
#include "coverage/coverage_db.h"
#include "db/db_read.h"
#include "planning/plans_db.h"
#include "http/handlers.h"
#include "core/problem.h"
#include "http/reply.h"
#include "core/strbuf.h"

/* The print stylesheet of the HTML report (frontend/public). */
#define COVERAGE_CSS	"/coverage-report.css"

/* The rule of a drill-down from the aggregate to one school. */
static const struct authz_rule	drill_rule = { RM_GET, "", AUTHZ_RESOURCE,
				    ROLE_MEMBER, ROLE_ADMIN | ROLE_INSPECTOR };

/* The query parameters, then the years and frameworks checked against
 * the database; -1 after a 400 (or 5xx). */
static int
params(struct api_ctx *ctx, int aggregate, struct coverage_params *p)
{
	struct param_errors	 e = { 0 };
	enum db_result		 rc;
	char			*problem, *colon;

	if (coverage_params_parse(api_query, ctx, aggregate, p, &e) == -1) {
		api_reply_param_errors(ctx, &e);
		return (-1);
	}
	if ((rc = db_coverage_param_problem(p->years, p->frameworks,
	    &problem)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		return (-1);
	}
	if (problem == NULL)
		return (0);
	/* "field: message", written in schema/0061 for users. */
	if ((colon = strstr(problem, ": ")) != NULL) {
		*colon = '\0';
		param_error(&e, problem, colon + 2);
	} else
		param_error(&e, "framework", problem);
	api_reply_param_errors(ctx, &e);
	free(problem);
	return (-1);
}

/*
 * The report document json (an object built by PostgreSQL) with the
 * member "freshness" added as its last: a new string, or NULL.  The
 * caller frees both.
 */
static char *
with_freshness(const char *json, const struct db_freshness *f)
{
	char	fresh[160];
	size_t	n;
	char	*out;

	n = strlen(json);
	while (n > 0 && (json[n - 1] == ' ' || json[n - 1] == '\n'))
		n--;
	if (n < 2 || json[0] != '{' || json[n - 1] != '}' ||
	    db_freshness_json(f, fresh, sizeof(fresh)) == -1)
		return (NULL);
	if ((out = malloc(n + strlen(fresh) + 16)) == NULL)
		return (NULL);
	/* "{}" has no member before ours. */
	(void)sprintf(out, "%.*s%s\"freshness\":%s}", (int)(n - 1), json,
	    n == 2 ? "" : ",", fresh);
	return (out);
}

/*
 * Reply with the document json (freed here) in the asked format, with
 * how fresh it is (f); 404 with not_found when it is NULL.  Returns the
 * status.
 */
static int
reply_report(struct api_ctx *ctx, const struct coverage_params *p,
    char *json, const struct db_freshness *f, const char *not_found)
{
	struct strbuf	 b;
	json_error_t	 err;
	json_t		*doc;
	char		*fresh;
	int		 rc, status;

	api_freshness_header(ctx, f);
	if (json != NULL) {
		if ((fresh = with_freshness(json, f)) == NULL) {
			free(json);
			reply_problem(ctx->req, ST_INTERNAL, NULL);
			return (ST_INTERNAL);
		}
		free(json);
		json = fresh;
	}
	if (json == NULL || p->format == COVERAGE_JSON) {
		status = json == NULL ? ST_NOT_FOUND : ST_OK;
		api_reply_document(ctx, json, not_found);
		return (status);
	}
	strbuf_init(&b);
	doc = json_loads(json, 0, &err);
	free(json);
	if (p->format == COVERAGE_CSV)
		rc = coverage_csv(doc, p->csv_flags, &b);
	else if (p->format == COVERAGE_XLSX)
		rc = coverage_xlsx(doc, &b);
	else
		rc = coverage_html(doc, COVERAGE_CSS, &b);
	json_decref(doc);
	if (rc == -1) {
		strbuf_free(&b);
		reply_problem(ctx->req, ST_INTERNAL, NULL);
		return (ST_INTERNAL);
	}
	http_response_header(ctx->req, "cache-control", "no-store");
	if (p->format == COVERAGE_CSV) {
		http_response_header(ctx->req, "content-disposition",
		    "attachment; filename=\"dekking.csv\"");
		reply_bytes(ctx->req, 200, "text/csv; charset=utf-8; "
		    "header=present", b.data, b.len);
	} else if (p->format == COVERAGE_XLSX) {
		http_response_header(ctx->req, "content-disposition",
		    "attachment; filename=\"dekking.xlsx\"");
		reply_bytes(ctx->req, 200, XLSX_MEDIA_TYPE, b.data, b.len);
	} else
		reply_bytes(ctx->req, 200, "text/html; charset=utf-8", b.data,
		    b.len);
	strbuf_free(&b);
	return (ST_OK);
}

/* The report of one school; returns the status. */
static int
school_report(struct api_ctx *ctx, const char *school,
    const struct coverage_params *p)
{
	struct db_freshness	 f;
	enum db_result		 rc;
	char			*json;
	int			 status;

	status = ST_INTERNAL;
	if ((rc = db_coverage_school(school, p->years, p->frameworks, p->via,
	    p->overlap, &json, &f)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		goto out;
	}
	status = reply_report(ctx, p, json, &f, "Deze school bestaat niet.");
out:
	return (status);
}

/* GET /api/v1/schools/{id}/coverage */
int
api_school_coverage(struct api_ctx *ctx)
{
	struct coverage_params	 p;
	const char		*school;
	int			 status;

	status = ST_NOT_FOUND;
	if ((school = api_path_uuid(ctx, "id", "Deze school bestaat niet.")) ==
	    NULL)
		goto out;
	status = ST_BAD_REQUEST;
	if (params(ctx, 0, &p) == -1)
		goto out;
	status = school_report(ctx, school, &p);
out:
	return (status);
}

/* GET /api/v1/plans/{id}/coverage */
int
api_plan_coverage(struct api_ctx *ctx)
{
	struct coverage_params	 p;
	struct db_freshness	 f;
	enum db_result		 rc;
	const char		*plan;
	char			*school, *json;
	int			 status;

	school = NULL;
	status = ST_NOT_FOUND;
	if ((plan = api_path_uuid(ctx, "id", "Dit jaarplan bestaat niet.")) ==
	    NULL)
		goto out;
	if ((rc = db_plan_school_of("plan", plan, &school)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		status = ST_INTERNAL;
		goto out;
	}
	if (school == NULL) {
		reply_problem(ctx->req, ST_NOT_FOUND, "Dit jaarplan bestaat "
		    "niet.");
		goto out;
	}
	if (api_school_access(ctx, school, 0) == -1) {
		status = ST_FORBIDDEN;
		goto out;
	}
	status = ST_BAD_REQUEST;
	if (params(ctx, 0, &p) == -1)
		goto out;
	status = ST_INTERNAL;
	if ((rc = db_coverage_plan(plan, p.frameworks, p.via, p.overlap,
	    &json, &f)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		goto out;
	}
	status = reply_report(ctx, &p, json, &f, "Dit jaarplan bestaat niet.");
out:
	free(school);
	return (status);
}

/* GET /api/v1/reports/coverage */
int
api_reports_coverage(struct api_ctx *ctx)
{
	struct coverage_params	 p;
	struct db_freshness	 f;
	enum db_result		 rc;
	char			*json;
	int			 status;

	status = ST_BAD_REQUEST;
	if (params(ctx, 1, &p) == -1)
		goto out;
	if (p.school != NULL) {
		/* Drill down: the school report, checked as its own route. */
		ctx->rule = &drill_rule;
		status = ST_FORBIDDEN;
		if (api_school_access(ctx, p.school, 0) == -1)
			goto out;
		status = school_report(ctx, p.school, &p);
		goto out;
	}
	status = ST_INTERNAL;
	if ((rc = db_coverage_aggregate(ctx->who.user_id, p.years,
	    p.frameworks, p.via, p.type, p.region, &json, &f)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		goto out;
	}
	status = reply_report(ctx, &p, json, &f, "Geen rapport.");
out:
	return (status);
}

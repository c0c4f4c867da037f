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
 * may read (schema/functions/coverage.sql), and school= drills down to one of them with the
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
	if ((rc = db_coverage_param_problem(p, &problem)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		return (-1);
	}
	if (problem == NULL)
		return (0);
	/* "field: message", written in schema/functions/coverage.sql for users. */
	if ((colon = strstr(problem, ": ")) != NULL) {
		*colon = '\0';
		api_reply_param_error(ctx, problem, colon + 2);
	} else
		api_reply_param_error(ctx, "framework", problem);
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
 * how fresh it is (f); 404 with not_found when it is NULL.
 */
static void
reply_report(struct api_ctx *ctx, const struct coverage_params *p,
    char *json, const struct db_freshness *f, const char *not_found)
{
	struct strbuf	 b;
	json_error_t	 err;
	json_t		*doc;
	char		*fresh;
	int		 rc;

	api_freshness_header(ctx, f);
	if (json != NULL) {
		if ((fresh = with_freshness(json, f)) == NULL) {
			free(json);
			reply_problem(ctx->req, ST_INTERNAL, NULL);
			return;
		}
		free(json);
		json = fresh;
	}
	if (json == NULL || p->format == COVERAGE_JSON) {
		api_reply_document(ctx, json, not_found);
		return;
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
		return;
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
}

/* The report of one school. */
static void
school_report(struct api_ctx *ctx, const char *school,
    const struct coverage_params *p)
{
	struct db_freshness	 f;
	enum db_result		 rc;
	char			*json;

	if ((rc = db_coverage_school(school, p, &json, &f)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		return;
	}
	reply_report(ctx, p, json, &f, "Deze school bestaat niet.");
}

/* GET /api/v1/schools/{id}/coverage */
void
api_school_coverage(struct api_ctx *ctx)
{
	struct coverage_params	 p;
	const char		*school;

	if ((school = api_path_uuid(ctx, "id", "Deze school bestaat niet.")) !=
	    NULL && params(ctx, 0, &p) == 0)
		school_report(ctx, school, &p);
}

/* GET /api/v1/plans/{id}/coverage */
void
api_plan_coverage(struct api_ctx *ctx)
{
	struct coverage_params	 p;
	struct db_freshness	 f;
	enum db_result		 rc;
	const char		*plan;
	char			*school, *json;

	school = NULL;
	if ((plan = api_path_uuid(ctx, "id", "Dit jaarplan bestaat niet.")) ==
	    NULL)
		goto out;
	if ((rc = db_plan_school_of("plan", plan, &school)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		goto out;
	}
	if (school == NULL) {
		reply_problem(ctx->req, ST_NOT_FOUND, "Dit jaarplan bestaat "
		    "niet.");
		goto out;
	}
	if (api_school_access(ctx, school, 0) == -1 ||
	    params(ctx, 0, &p) == -1)
		goto out;
	if ((rc = db_coverage_plan(plan, &p, &json, &f)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		goto out;
	}
	reply_report(ctx, &p, json, &f, "Dit jaarplan bestaat niet.");
out:
	free(school);
}

/* GET /api/v1/reports/coverage */
void
api_reports_coverage(struct api_ctx *ctx)
{
	struct coverage_params	 p;
	struct db_freshness	 f;
	enum db_result		 rc;
	char			*json;

	if (params(ctx, 1, &p) == -1)
		return;
	if (p.school != NULL) {
		/*
		 * Drill down: the school report, checked with the rule of
		 * its own route in the authorization table.
		 */
		ctx->rule = authz_rule_of(RM_GET, AUTHZ_COVERAGE_DRILL);
		if (api_school_access(ctx, p.school, 0) == 0)
			school_report(ctx, p.school, &p);
		return;
	}
	if ((rc = db_coverage_aggregate(ctx->who.user_id, &p, &json,
	    &f)) != DB_OK) {
		api_reply_db_error(ctx, rc);
		return;
	}
	reply_report(ctx, &p, json, &f, "Geen rapport.");
}
